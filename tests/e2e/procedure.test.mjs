// End to end in the Playground: the written procedure. (1) Clocks from the post: Li Na reports a case posted four
// hours ago — the intake answer warns that the first response (3 h after the post) is overdue and her first reminder
// slip arrives at once. (2) Statements: Wang Qiang approves the case, Li Na drafts the first response, Wang Qiang
// approves it, Zhao Min signs it (every level needs the principal's signature), and Chen Jie (office) publishes it in
// the Briefings channel; Li Na is told and the case card lists the published statement. (3) Dispatch (交办): Chen Jie
// files a case for 教育局; Megan, its officer, has no personal chat with the bot, so the dispatch card reaches 教育局's
// approval chat (the group chat) @mentioning her; Li Na pressing Acknowledge is refused; Megan acknowledges and the card
// turns into its acknowledged face in place.
//
// Logs: artifacts/e2e/procedure-* (procedure-websocket.json holds every websocket event).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { CARD, E2E, MESSAGE_TIMEOUT_MS, cardOf, findElements, visibleStrings, PLAYGROUND_ROSTER, asArgs, shanghai } from "./harness.mjs";

const roster = {
  ...PLAYGROUND_ROSTER,
  "Organization:Units:0:ApprovalConversationId": "group-chat-press-office",
  "Organization:Units:1:ApprovalConversationId": "group-chat-press-office",
};
const e2e = new E2E("procedure", { botSettings: asArgs(roster) });
before(() => e2e.start());
after(async () => {
  writeFileSync(e2e.log("websocket.json"), JSON.stringify(e2e.received, null, 1));
  await e2e.stop();
});

const LEADER = "user-leader";
const PRINCIPAL = "user-principal";
const OFFICE = "user-office";
const MEGAN = "user-officer2";
const personal = () => e2e.config.personalChat.id;
const group = () => e2e.config.groupChats.find((c) => c.id === "group-chat-press-office").id;
const channel = () => e2e.config.teams[0].channels.find((c) => c.id === "channel-briefings").id;
const state = {};


/** What the intake card submits for a case posted `postedAgo` ms ago and discovered ten minutes ago. */
function intakeValues(title, unit, postedAgo) {
  const posted = shanghai(new Date(Date.now() - postedAgo));
  const discovered = shanghai(new Date(Date.now() - 10 * 60_000));
  return {
    title, links: `https://weibo.com/1234567890/${randomBytes(4).toString("hex")}`, platform: "Weibo",
    publishedDate: posted.date, publishedTime: posted.time, discoveredDate: discovered.date, discoveredTime: discovered.time,
    level: "IV", category: "NegativeReport", flags: "", reposts: "10", comments: "5", views: "1000", tendency: "Negative",
    summary: "端到端测试：处置流程。", unit,
  };
}

const executes = (card) => findElements({ ...card, refresh: undefined }, (n) => n.type === "Action.Execute");

/**
 * Presses `verb` on the card of `event` as `from`. A shared card whose deciders the bot knows is read-only with
 * buttons by refresh: Teams refreshes it for them (an automatic invoke), which the test does itself first.
 */
async function press(event, verb, from, extra = {}) {
  // A new post in a channel is the root of its own thread: a press on it names that thread.
  const conversationId = event.actionConversationId === channel() ? `${channel()};messageid=${event.message.messageId}` : event.actionConversationId;
  event = { ...event, actionConversationId: conversationId };
  let card = cardOf(event);
  if (!executes(card).some((a) => a.verb === verb) && card.refresh) {
    const refreshed = await e2e.invoke({ conversationId: event.actionConversationId, replyToId: event.message.messageId, verb: card.refresh.action.verb, data: card.refresh.action.data, from });
    card = refreshed.value;
  }
  const action = executes(card).find((a) => a.verb === verb);
  if (!action) return { type: "application/vnd.microsoft.error", value: { message: `no ${verb} button for ${from}` }, card };
  return e2e.invoke({ conversationId: event.actionConversationId, replyToId: event.message.messageId, verb, data: { ...action.data, ...extra }, from });
}

/** `查看 <number>` in Li Na's personal chat → the case card. */
async function caseCard(number) {
  const mark = e2e.mark();
  await e2e.post(personal(), `查看 ${number}`);
  return cardOf(await e2e.botCard(personal(), { from: mark, contains: number }));
}

test("Li Na @mentions the bot in the group chat and in the Briefings channel → it records them", async () => {
  for (const conversationId of [group(), channel()]) {
    const mark = e2e.mark();
    await e2e.post(conversationId, "帮助", { mention: true });
    const answer = await e2e.nextEvent(`the bot's answer in ${conversationId}`, (e) =>
      e.action === "createMessage" && e.actionConversationId?.startsWith(conversationId) && e.message?.from?.id === e2e.config.bot.id, { from: mark });
    if (conversationId === group()) state.groupMessage = answer.message.messageId;
  }
});

test("clocks from the post: a case posted 4 h ago → the intake answer warns the first response is overdue; slip 1 arrives at once", async () => {
  let mark = e2e.mark();
  await e2e.post(personal(), "上报");
  const intake = await e2e.botCard(personal(), { from: mark, contains: "case.report" });
  const [submit] = findElements(cardOf(intake), (n) => n.type === "Action.Execute" && n.verb === "case.report");
  mark = e2e.mark();
  const answer = await e2e.invoke({
    conversationId: personal(), replyToId: intake.message.messageId, verb: "case.report",
    data: { ...submit.data, ...intakeValues("某小区电梯故障引发投诉 (procedure e2e)", "propaganda", 4 * 3600_000) },
  });
  assert.equal(answer.type, CARD, `invoke answer: ${JSON.stringify(answer)}`);
  const strings = visibleStrings(answer.value);
  state.case1 = /已登记为事件 \*\*(\d{4}-\d{4})\*\*/.exec(strings.join("\n"))?.[1];
  assert.ok(state.case1, `the case number: ${JSON.stringify(strings)}`);
  assert.ok(strings.some((s) => /^⚠ 首次回应时限已过（截至 \d{4}-\d\d-\d\d \d\d:\d\d），提醒单已开始发送。$/.test(s)), `the warning: ${JSON.stringify(strings)}`);

  const slip = await e2e.botCard(personal(), { from: mark, contains: "提醒单（第 1 次）" });
  const slipJson = JSON.stringify(cardOf(slip));
  assert.ok(slipJson.includes("\"value\":\"首次回应\""), `the slip is for the first response: ${slipJson}`);
  assert.ok(slipJson.includes(`事件 ${state.case1}`), `the slip names the case: ${slipJson}`);
});

test("statements: approved by Wang Qiang, signed by Zhao Min, published by the office → Li Na is told; the case card lists it", async () => {
  const review = await e2e.botCard(group(), { contains: state.case1 });
  let answer = await press(review, "case.approve", LEADER);
  assert.equal(answer.type, CARD, `approve: ${JSON.stringify(answer)}`);

  let mark = e2e.mark();
  await e2e.post(personal(), `回应 ${state.case1} 首次 经核实，电梯已停用检修，预计明日恢复。`);
  const submitted = await e2e.nextEvent("the bot's answer to 回应", (e) =>
    e.action === "createMessage" && e.actionConversationId === personal() && (e.message?.text ?? "").includes("已提交领导审核"), { from: mark });
  assert.equal(submitted.message.text, `事件 **${state.case1}** 的回应口径（首次回应）已提交领导审核。`);

  const statementCard = await e2e.botCard(group(), { from: mark, contains: state.case1 });
  assert.ok(JSON.stringify(cardOf(statementCard)).includes("经核实，电梯已停用检修"), "the card shows the statement");
  mark = e2e.mark();
  answer = await press(statementCard, "response.approve", LEADER);
  assert.equal(answer.type, CARD, `approve statement: ${JSON.stringify(answer)}`);

  const signCard = await e2e.botCard(group(), { from: mark, contains: state.case1 });
  assert.ok(JSON.stringify(cardOf(signCard)).includes("Wang Qiang"), "the card to sign says who approved the statement");
  const refused = await press(signCard, "response.approve", LEADER);
  assert.equal(refused.type, "application/vnd.microsoft.error", `Wang Qiang cannot sign: ${JSON.stringify(refused)}`);
  mark = e2e.mark();
  answer = await press(signCard, "response.approve", PRINCIPAL);
  assert.equal(answer.type, CARD, `sign: ${JSON.stringify(answer)}`);
  assert.ok(visibleStrings(answer.value).some((s) => /Zhao Min/.test(s)), `the signed face names Zhao Min: ${JSON.stringify(visibleStrings(answer.value))}`);

  const publishCard = await e2e.nextEvent("the publish card in the Briefings channel", (e) =>
    e.action === "createMessage" && e.actionConversationId?.startsWith(channel()) && JSON.stringify(e.message?.attachments ?? []).includes(`"stage":"Publish"`), { from: mark });
  mark = e2e.mark();
  answer = await press(publishCard, "response.publish", OFFICE);
  assert.equal(answer.type, CARD, `publish: ${JSON.stringify(answer)}`);

  const told = await e2e.nextEvent("Li Na is told the statement was published", (e) =>
    e.action === "createMessage" && e.actionConversationId === personal() && (e.message?.text ?? "").startsWith(`事件 ${state.case1}：Chen Jie`), { from: mark });
  assert.match(told.message.text, /回应已发布/);
  const card = await caseCard(state.case1);
  assert.ok(visibleStrings(card).some((s) => s.startsWith("首次回应 · 已发布")), `the case card lists the statement: ${JSON.stringify(card)}`);
  assert.deepEqual(findElements(card, (n) => n.title === "状态").map((f) => f.value), ["已回应"]);
});

test("交办: the office files a case for 教育局 → the dispatch card @mentions Megan in the approval chat; Li Na is refused; Megan acknowledges in place", async () => {
  const mark = e2e.mark();
  const submission = { submissionId: randomBytes(16).toString("hex"), lang: "zh-CN", ...intakeValues("某校午餐质量遭家长投诉 (procedure e2e)", "education", 20 * 60_000) };
  // Chen Jie submits an intake card in the group chat (the Playground needs the message a press belongs to).
  const answer = await e2e.invoke({ conversationId: group(), replyToId: state.groupMessage, verb: "case.report", data: submission, from: OFFICE });
  assert.equal(answer.type, CARD, `the office's report: ${JSON.stringify(answer)}`);
  state.case2 = /已登记为事件 \*\*(\d{4}-\d{4})\*\*/.exec(visibleStrings(answer.value).join("\n"))?.[1];
  assert.ok(state.case2, `the case number: ${JSON.stringify(answer)}`);

  const dispatch = await e2e.botCard(group(), { from: mark, contains: "dispatch.acknowledge" });
  const strings = visibleStrings(cardOf(dispatch));
  assert.ok(strings.some((s) => s.includes(state.case2) && s.includes("教育局")), `the dispatch names the case and the unit: ${JSON.stringify(strings)}`);
  assert.ok(strings.some((s) => /^(<at>Megan Bowen<\/at>|meganb@contoso\.example) /.test(s)), `the mention line: ${JSON.stringify(strings)}`);

  const refused = await press(dispatch, "dispatch.acknowledge", e2e.config.currentUser.id);
  assert.equal(refused.type, "application/vnd.microsoft.error", `Li Na is not 教育局's officer: ${JSON.stringify(refused)}`);

  const updateMark = e2e.mark();
  const acknowledged = await press(dispatch, "dispatch.acknowledge", MEGAN);
  assert.equal(acknowledged.type, CARD, `acknowledge: ${JSON.stringify(acknowledged)}`);
  assert.equal(executes(acknowledged.value).length, 0, "no buttons once acknowledged");
  const update = await e2e.nextEvent("the dispatch card updated in place", (e) =>
    e.action === "updateMessage" && e.actionConversationId === group() && e.message?.messageId === dispatch.message.messageId, { from: updateMark, timeoutMs: MESSAGE_TIMEOUT_MS });
  assert.ok(visibleStrings(cardOf(update)).some((s) => /Megan Bowen/.test(s)), `the acknowledged face names Megan: ${JSON.stringify(visibleStrings(cardOf(update)))}`);
});
