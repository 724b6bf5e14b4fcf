// End to end in the Playground: approvals in a shared conversation. The roster maps the Playground's
// users (tests/e2e/.m365agentsplayground.yml) by email and names the group chat "Press Office" as
// 宣传部's approval conversation. Li Na (officer) @mentions the bot in the group chat and the Briefings
// channel (so the bot knows them), then reports a level IV case in her personal chat: the bot has never
// met Wang Qiang, so the approval card goes to the group chat with its buttons and a text naming him;
// Megan (officer of 教育局) pressing Approve is refused and nothing changes; Wang Qiang approves with a
// comment and Li Na is told. A level II case: the office channel is told; Wang Qiang, met by now, gets
// a read-only card with buttons by refresh and approves; the principal leader's card follows, Wang
// Qiang is refused on it, and Zhao Min signs it off in the web client (screenshot:
// artifacts/e2e/approval-card.png). A conversation's language is what people type there (never the locale of a
// system event or a press): Li Na typed `help` in the group chat and the channel, so their cards are English; she
// last wrote in Chinese in her personal chat, so her notices are Chinese.
//
// The last test checks that every group-chat card was updated in place. Logs: artifacts/e2e/approvals-*
// (approvals-websocket.json holds every websocket event).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CARD, E2E, MESSAGE_TIMEOUT_MS, artifacts, cardOf, findElements, visibleStrings, PLAYGROUND_ROSTER, asArgs, shanghai } from "./harness.mjs";

const roster = {
  ...PLAYGROUND_ROSTER,
  "Organization:Units:0:ApprovalConversationId": "group-chat-press-office",
};
const e2e = new E2E("approvals", { botSettings: asArgs(roster) });
const web = {}; // the browser, opened before the level II case so the group chat shows its cards
before(() => e2e.start());
after(async () => {
  await web.browser?.close();
  writeFileSync(e2e.log("websocket.json"), JSON.stringify(e2e.received, null, 1)); // every event, to read after a failure
  await e2e.stop();
});

const LEADER = "user-leader";
const PRINCIPAL = "user-principal";
const OTHER_OFFICER = "user-officer2";
const personal = () => e2e.config.personalChat.id;
const group = () => e2e.config.groupChats.find((c) => c.id === "group-chat-press-office").id;
const channel = () => e2e.config.teams[0].channels.find((c) => c.id === "channel-briefings").id;
const VERBS = ["case.approve", "case.reject", "case.needInfo", "case.changeLevel", "case.reassign"];
const state = {};


/** Li Na reports a case through the intake card in her personal chat; returns its number. */
async function report(title, level) {
  const mark = e2e.mark();
  await e2e.post(personal(), "上报");
  const intake = await e2e.botCard(personal(), { from: mark, contains: "case.report" });
  const [submit] = findElements(cardOf(intake), (n) => n.type === "Action.Execute" && n.verb === "case.report");
  assert.ok(submit, "the intake card has its case.report button");
  const now = shanghai(new Date());
  const before = shanghai(new Date(Date.now() - 10 * 60_000));
  const values = {
    title, links: "https://weibo.com/1234567890/approvals-e2e", platform: "Weibo",
    publishedDate: now.date, publishedTime: "00:00", discoveredDate: now.date, discoveredTime: before.date === now.date ? before.time : "00:00",
    level, category: "NegativeReport", flags: "", reposts: "10", comments: "5", views: "1000", tendency: "Negative",
    summary: "端到端测试：审核流程。", unit: "propaganda",
  };
  const answer = await e2e.invoke({ conversationId: personal(), replyToId: intake.message.messageId, verb: "case.report", data: { ...submit.data, ...values } });
  const json = JSON.stringify(answer);
  const number = /已登记为事件 \*\*(\d{4}-\d{4})\*\*/.exec(json)?.[1];
  assert.ok(number, `expected 已登记为事件 **YYYY-NNNN**: ${json}`);
  return number;
}

/** The Action.Execute buttons of a card (inside ShowCards too; not its refresh action). */
const executes = (card) => findElements({ ...card, refresh: undefined }, (n) => n.type === "Action.Execute");
const verbsOf = (card) => executes(card).map((a) => a.verb).sort();
const inputsOf = (card) => findElements(card, (n) => typeof n.type === "string" && n.type.startsWith("Input."));

/** Presses `verb` on the approval card in the group chat as `from`. */
function press(event, verb, from, extra = {}) {
  const action = executes(cardOf(event)).find((a) => a.verb === verb);
  assert.ok(action, `the card has a ${verb} button: ${JSON.stringify(cardOf(event))}`);
  return e2e.invoke({ conversationId: group(), replyToId: event.message.messageId, verb, data: { ...action.data, ...extra }, from });
}

/** `查看 <number>` in Li Na's personal chat → the value of the case card's 状态 fact. */
async function stateOf(number) {
  const mark = e2e.mark();
  await e2e.post(personal(), `查看 ${number}`);
  const card = cardOf(await e2e.botCard(personal(), { from: mark, contains: number }));
  const facts = findElements(card, (n) => n.title === "状态" && typeof n.value === "string");
  assert.equal(facts.length, 1, `one 状态 fact: ${JSON.stringify(card)}`);
  return facts[0].value;
}

test("Li Na @mentions the bot with `help` in the group chat and in the Briefings channel → it answers there (and records them, in English)", async () => {
  for (const conversationId of [group(), channel()]) {
    const mark = e2e.mark();
    await e2e.post(conversationId, "help", { mention: true });
    const answer = await e2e.nextEvent(`the bot's answer in ${conversationId}`, (e) =>
      e.action === "createMessage" && e.actionConversationId?.startsWith(conversationId) && e.message?.from?.id === e2e.config.bot.id, { from: mark });
    assert.ok(JSON.stringify(cardOf(answer)).includes("OpinionBot commands"), `the English help card: ${JSON.stringify(answer.message)}`);
  }
});

test("level IV: Li Na reports → the approval card in the group chat, @mentioning Wang Qiang, with the buttons", async () => {
  const mark = e2e.mark();
  const t0 = Date.now();
  state.title4 = "某区道路施工扰民 (approvals e2e)";
  state.case4 = await report(state.title4, "IV");
  const event = await e2e.botCard(group(), { from: mark, contains: state.case4 });
  console.log(`[approvals] the approval card reached the group chat ${Date.now() - t0} ms after the report was sent`);
  // The office's new-case notice goes out in the same outbox pass, to another conversation, in parallel: wait for it
  // too, so it cannot land in the next test's "nothing else was sent" window.
  await e2e.botMessage(channel(), { from: mark, contains: state.case4 });
  const card = cardOf(event);
  const strings = visibleStrings(card);
  assert.ok(strings.includes(`Case ${state.case4} needs your decision`), `heading: ${JSON.stringify(strings)}`);
  assert.ok(strings.includes(`**${state.title4}**`), `the title: ${JSON.stringify(strings)}`);
  // The card's first line names the leader. A never-met leader listed by email cannot be @mentioned (the bot has
  // no id for them), so the line names them in plain text by their roster name (Organization:People), never by id.
  assert.ok(strings.some((s) => /^(<at>Wang Qiang<\/at>|Wang Qiang) please decide on this case\.$/.test(s)),
    `the @mention line: ${JSON.stringify(strings)}`);
  assert.deepEqual(verbsOf(card), [...VERBS].sort(), "the never-met leader gets the buttons on the card itself");
  assert.deepEqual(card.refresh?.userIds, [], `nobody to refresh for: ${JSON.stringify(card.refresh)}`);
  for (const a of executes(card)) {
    assert.equal(a.data.caseNumber, state.case4);
    assert.equal(a.data.stage, "CaseReview");
  }
  assert.ok(inputsOf(card).some((i) => i.id === "comment"), "a comment box");
  state.card4 = event;
});

test("level IV: Megan (officer of 教育局) presses 同意 → refused, nothing changes", async () => {
  const mark = e2e.mark();
  const answer = await press(state.card4, "case.approve", OTHER_OFFICER, { comment: "我来批" });
  assert.equal(answer.type, "application/vnd.microsoft.error", `invoke answer: ${JSON.stringify(answer)}`);
  assert.equal(answer.value?.code, "NotAllowed", `invoke answer: ${JSON.stringify(answer)}`);
  // Li Na typed `help` in the group chat, so its cards are English.
  assert.equal(answer.value?.message, "Only a supervising leader of 宣传部 can decide this.");
  assert.equal(await stateOf(state.case4), "已上报，待领导审核", "still awaiting review");
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(e2e.received.slice(mark).filter((e) => e.action !== "createMessage" || e.actionConversationId !== personal()), [],
    "no update of the card, nothing in the group chat");
});

test("level IV: Wang Qiang approves with a comment → the decided card, no buttons; Li Na is told in her personal chat", async () => {
  const mark = e2e.mark();
  const answer = await press(state.card4, "case.approve", LEADER, { comment: "同意，请抓紧核实。" });
  assert.equal(answer.type, CARD, `invoke answer: ${JSON.stringify(answer)}`);
  const decided = visibleStrings(answer.value);
  assert.ok(decided.includes(`Case ${state.case4} needs your decision`), `the same card: ${JSON.stringify(decided)}`);
  assert.ok(decided.some((s) => /^Approved — Wang Qiang, \d{4}-\d\d-\d\d \d\d:\d\d$/.test(s)), `Approved — Wang Qiang, …: ${JSON.stringify(decided)}`);
  assert.ok(decided.includes("Comment: 同意，请抓紧核实。"), `the comment: ${JSON.stringify(decided)}`);
  assert.ok(decided.includes("State: In progress"), `the state: ${JSON.stringify(decided)}`);
  assert.equal(executes(answer.value).length, 0, "no buttons left");
  assert.equal(inputsOf(answer.value).length, 0, "no inputs left");
  assert.equal(answer.value.refresh, undefined, "no refresh either");
  state.decided4 = decided;

  // Li Na last wrote in Chinese (上报, 查看), so she is told in Chinese.
  const notice = await e2e.nextEvent("the notice in Li Na's personal chat", (e) =>
    e.action === "createMessage" && e.actionConversationId === personal() && e.message?.from?.id === e2e.config.bot.id &&
    (e.message.text ?? "").includes(state.case4), { from: mark });
  assert.equal(notice.message.text, `事件 ${state.case4}：Wang Qiang 审核同意。意见：同意，请抓紧核实。`);
  assert.equal(await stateOf(state.case4), "处置中");
});

/** The buttons `user` sees on a card: the card's own, or — on a read-only card refreshed for them — the refresh answer's. */
async function cardFor(event, user) {
  const card = cardOf(event);
  if (!card.refresh?.userIds?.includes(user)) return { card, refreshed: false };
  const answer = await e2e.invoke({ conversationId: group(), replyToId: event.message.messageId, verb: card.refresh.action.verb, data: card.refresh.action.data, from: user });
  assert.equal(answer.type, CARD, `approval.refresh answer: ${JSON.stringify(answer)}`);
  return { card: answer.value, refreshed: true };
}

/** Presses `verb` on `card` (the one `user` sees, from cardFor) of message `event` as `user`. */
function pressOn(event, card, verb, user, extra = {}) {
  const action = executes(card).find((a) => a.verb === verb);
  assert.ok(action, `${user} sees a ${verb} button: ${JSON.stringify(card)}`);
  return e2e.invoke({ conversationId: group(), replyToId: event.message.messageId, verb, data: { ...action.data, ...extra }, from: user });
}

/**
 * The text the bot sent with an approval card: the Playground splits a text+card activity into two messages, the
 * text first, then the card; their ids are timestamps (the card's gets "-<suffix>" when both fall in the same ms).
 */
test("web client: the group chat is open before the level II case (a chat shows only what arrives after it opens)", async () => {
  Object.assign(web, await e2e.openWebClient());
  await e2e.openChat(web.page, "Press Office");
});

test("level II: Li Na reports → the office channel is told; Wang Qiang (met by now) gets a read-only card @mentioning him, buttons by refresh, and approves", async () => {
  const mark = e2e.mark();
  state.title2 = "网传某医院拒收急诊病人 (approvals e2e)";
  state.case2 = await report(state.title2, "II");
  const office = await e2e.nextEvent("the new-case notice in the Briefings channel", (e) =>
    e.action === "createMessage" && e.actionConversationId?.startsWith(channel()) && (e.message?.text ?? "").includes(state.case2), { from: mark });
  assert.equal(office.message.text, `New II – Serious case ${state.case2}: ${state.title2} (宣传部).`);

  const event = await e2e.botCard(group(), { from: mark, contains: state.case2 });
  const shown = cardOf(event);
  // Wang Qiang pressed a button before, so the bot knows his Teams id: everyone else sees no buttons.
  assert.deepEqual(shown.refresh?.userIds, [LEADER], `refresh: ${JSON.stringify(shown.refresh)}`);
  assert.equal(shown.refresh.action.verb, "approval.refresh");
  assert.equal(executes(shown).length, 0, "read-only for the others");
  assert.ok(visibleStrings(shown).includes("Waiting for Wang Qiang."), `waiting line: ${JSON.stringify(visibleStrings(shown))}`);
  assert.ok(visibleStrings(shown).includes("<at>Wang Qiang</at> please decide on this case."), `mention line: ${JSON.stringify(visibleStrings(shown))}`);
  assert.deepEqual(shown.msteams?.entities, [{ type: "mention", mentioned: { id: LEADER, name: "Wang Qiang" }, text: "<at>Wang Qiang</at>" }]);

  const { card, refreshed } = await cardFor(event, LEADER);
  assert.ok(refreshed);
  assert.deepEqual(verbsOf(card), [...VERBS].sort(), "Wang Qiang's refreshed card has the buttons");
  const pressMark = e2e.mark();
  const answer = await pressOn(event, card, "case.approve", LEADER);
  const decided = visibleStrings(answer.value);
  assert.ok(decided.some((s) => /^Approved — Wang Qiang, /.test(s)), `decided: ${JSON.stringify(decided)}`);
  assert.ok(decided.includes("State: Awaiting principal leader"), `the state: ${JSON.stringify(decided)}`);
  assert.equal(executes(answer.value).length, 0);
  Object.assign(state, { card2: event, decided2: decided, afterSupervisor: pressMark });
});

test("level II: the principal's card arrives in the group chat (待主要负责人审批); Wang Qiang pressing it is refused", async () => {
  const event = await e2e.botCard(group(), { from: state.afterSupervisor, contains: `Case ${state.case2} needs the principal leader's sign-off` });
  const card = cardOf(event);
  assert.deepEqual(card.refresh?.userIds, [], "Zhao Min has never pressed anything: the buttons are on the card");
  assert.deepEqual(verbsOf(card), [...VERBS].sort());
  for (const a of executes(card)) assert.equal(a.data.stage, "PrincipalReview");
  assert.ok(visibleStrings(card).some((s) => /^(<at>Zhao Min<\/at>|Zhao Min) please decide on this case\.$/.test(s)));
  assert.equal(await stateOf(state.case2), "待主要负责人审批");
  state.principalCard = event;

  const mark = e2e.mark();
  const answer = await press(event, "case.approve", LEADER, { comment: "我也同意" });
  assert.deepEqual(answer, { type: "application/vnd.microsoft.error", value: { code: "NotAllowed", message: "Only the principal leader of 宣传部 can sign this off." } });
  await new Promise((r) => setTimeout(r, 500));
  // (The notice of the earlier approval may still be on its way to Li Na's chat; the group chat must stay still.)
  assert.deepEqual(e2e.received.slice(mark).filter((e) => e.actionConversationId?.startsWith(group())), [], "nothing happens in the group chat");
  assert.equal(await stateOf(state.case2), "待主要负责人审批", "still with the principal");
});

test("level II: Zhao Min presses 同意 in the web client → the card shows the decision; 查看 shows 处置中; screenshot (artifacts/e2e/approval-card.png)", async () => {
  const { page } = web;
  // The web client presses as the signed-in user (Li Na); Zhao Min is pressing here, as she would in her own Teams.
  await page.route("**/_conversation/v1/invoke", (route) => {
    const body = route.request().postDataJSON();
    route.continue({ postData: JSON.stringify({ ...body, from: { ...body.from, id: PRINCIPAL } }) });
  });
  const mark = e2e.mark();
  const approve = page.getByRole("button", { name: "Approve", exact: true });
  await approve.last().waitFor({ state: "visible", timeout: MESSAGE_TIMEOUT_MS });
  assert.equal(await approve.count(), 1, "only the principal's card has buttons for Li Na's web client");
  // The Playground's web client sends the action's own data only: a comment typed into the card's box is not
  // merged in (unlike Teams), so Zhao Min decides without one here.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/_conversation/v1/invoke"), { timeout: MESSAGE_TIMEOUT_MS }),
    approve.last().click(),
  ]);
  const answer = await response.json();
  const sent = response.request().postDataJSON();
  assert.equal(sent.from.id, PRINCIPAL);
  assert.equal(sent.value.action.verb, "case.approve");
  const { request, ...data } = sent.value.action.data;
  assert.deepEqual(data, { caseNumber: state.case2, stage: "PrincipalReview", lang: "en-US" });
  assert.match(request, /^[0-9a-f]{24}$/, "the card names its own request, so a press on a decided card is recognised");
  assert.equal(answer.type, CARD, `invoke answer: ${JSON.stringify(answer)}`);
  const decided = visibleStrings(answer.value);
  assert.ok(decided.some((s) => /^Signed off by the principal leader — Zhao Min, \d{4}-\d\d-\d\d \d\d:\d\d$/.test(s)), `decided: ${JSON.stringify(decided)}`);
  assert.ok(decided.includes("State: In progress"), `decided: ${JSON.stringify(decided)}`);
  assert.equal(executes(answer.value).length, 0, "no buttons");
  state.decidedPrincipal = decided;

  const outcome = page.getByText(/^Signed off by the principal leader — Zhao Min/);
  await outcome.waitFor({ state: "visible", timeout: MESSAGE_TIMEOUT_MS });
  await outcome.scrollIntoViewIfNeeded({ timeout: MESSAGE_TIMEOUT_MS });
  assert.equal(await page.getByRole("button", { name: "Approve", exact: true }).count(), 0, "the decided card has no buttons");
  await page.evaluate(() => document.fonts.ready);
  const file = join(artifacts, "approval-card.png");
  await page.screenshot({ path: file });
  assert.ok(existsSync(file) && statSync(file).size > 10 * 1024, `${file} is missing or tiny`);

  const notice = await e2e.nextEvent("the notice in Li Na's personal chat", (e) =>
    e.action === "createMessage" && e.actionConversationId === personal() && (e.message?.text ?? "").includes(`：Zhao Min `), { from: mark });
  assert.equal(notice.message.text, `事件 ${state.case2}：Zhao Min 主要负责人审批同意。`);
  assert.equal(await stateOf(state.case2), "处置中");
});

// Each decision updates the group-chat card in place (PUT → updateMessage): the decided face, no buttons.
test("the group-chat cards are updated in place after each decision (updateMessage on the websocket, decided face, no buttons)", async () => {
  const cards = [[state.card4, state.decided4], [state.card2, state.decided2], [state.principalCard, state.decidedPrincipal]];
  for (const [event, decided] of cards) {
    assert.ok(event && decided, "the steps before ran");
    const update = await e2e.nextEvent(`update of message ${event.message.messageId}`, (e) =>
      e.action === "updateMessage" && e.actionConversationId === group() && e.message?.messageId === event.message.messageId, { timeoutMs: 3_000 });
    const card = cardOf(update);
    assert.deepEqual(visibleStrings(card), decided, "the card in the chat shows what the invoke answered");
    assert.equal(executes(card).length, 0, "no buttons");
  }
});
