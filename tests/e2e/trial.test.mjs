// A newcomer's local trial, as README's "Try it in the Agents Playground" tells it: the bot in the Development
// environment (as `dotnet run` starts it) with no other setting — anonymous because Development, the trial roster of
// src/OpinionBot/appsettings.Development.json — behind the Playground. Li Na, the Playground's user, holds every role
// of 宣传部: she reports a case, approves it in her own personal chat, asks for stats and whereami in the group chat.
// Logs: artifacts/e2e/trial-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { E2E, cardOf, findElements, shanghai } from "./harness.mjs";

const e2e = new E2E("trial", { environment: "Development" });
before(() => e2e.start());
after(() => e2e.stop());

const personal = () => e2e.config.personalChat.id;
const group = () => e2e.config.groupChats.find((c) => c.id === "group-chat-press-office").id;
const state = {};


/** The bot's next message in `conversationId` (text or card) after `from`. */
const botMessage = (conversationId, from) => e2e.nextEvent(`a bot message in ${conversationId}`, (e) =>
  e.action === "createMessage" && e.actionConversationId?.startsWith(conversationId) && e.message?.from?.id === e2e.config.bot.id, { from });

test("the bot started in Development with no settings: anonymous, says so, and 帮助 answers", async () => {
  const mark = e2e.mark();
  await e2e.post(personal(), "帮助");
  assert.ok(JSON.stringify(cardOf(await e2e.botCard(personal(), { from: mark }))).includes("舆情助手"));
});

test("上报 → the intake card lists Li Na's unit; Submit → the case is registered", async () => {
  const mark = e2e.mark();
  await e2e.post(personal(), "上报");
  const intake = await e2e.botCard(personal(), { from: mark, contains: "case.report" });
  const [submit] = findElements(cardOf(intake), (n) => n.type === "Action.Execute" && n.verb === "case.report");
  const now = shanghai(new Date());
  const earlier = shanghai(new Date(Date.now() - 10 * 60_000));
  const values = {
    title: "试用：某小区物业纠纷视频 (trial e2e)", links: "https://weibo.com/1234567890/trial-e2e", platform: "Weibo",
    publishedDate: now.date, publishedTime: "00:00", discoveredDate: now.date, discoveredTime: earlier.date === now.date ? earlier.time : "00:00",
    level: "IV", category: "NegativeReport", flags: "", reposts: "3", comments: "2", views: "100", tendency: "Neutral",
    summary: "新用户试用。", unit: "propaganda",
  };
  const mark2 = e2e.mark();
  const answer = await e2e.invoke({ conversationId: personal(), replyToId: intake.message.messageId, verb: "case.report", data: { ...submit.data, ...values } });
  state.number = /已登记为事件 \*\*(\d{4}-\d{4})\*\*/.exec(JSON.stringify(answer))?.[1];
  assert.ok(state.number, `registered: ${JSON.stringify(answer)}`);
  state.afterReport = mark2;
});

test("the approval card reaches Li Na's own personal chat (she is the unit's leader) and she approves", async () => {
  const event = await e2e.botCard(personal(), { from: state.afterReport, contains: state.number });
  const card = cardOf(event);
  let action = findElements({ ...card, refresh: undefined }, (n) => n.type === "Action.Execute" && n.verb === "case.approve")[0];
  if (!action && card.refresh?.action) {
    // A read-only card whose buttons come by refresh (Teams refreshes it for the listed users).
    const refreshed = await e2e.invoke({ conversationId: personal(), replyToId: event.message.messageId, verb: card.refresh.action.verb, data: card.refresh.action.data });
    action = findElements(refreshed.value, (n) => n.type === "Action.Execute" && n.verb === "case.approve")[0];
  }
  assert.ok(action, `an Approve button for Li Na: ${JSON.stringify(card)}`);
  const answer = await e2e.invoke({ conversationId: personal(), replyToId: event.message.messageId, verb: "case.approve", data: { ...action.data, comment: "同意" } });
  assert.equal(answer.type, "application/vnd.microsoft.card.adaptive", JSON.stringify(answer));
  assert.equal(findElements(answer.value, (n) => n.type === "Action.Execute" && n.verb === "case.approve").length, 0, "decided: no buttons left");
});

test("in the group chat, @OpinionBot 统计 answers with this week's figures", async () => {
  const mark = e2e.mark();
  await e2e.post(group(), "统计", { mention: true });
  const event = await botMessage(group(), mark);
  const card = cardOf(event);
  assert.ok(JSON.stringify(card).includes("本周"), `this week's figures: ${JSON.stringify(card)}`);
});

test("in the group chat, @OpinionBot 本群信息 gives its id for the settings", async () => {
  const mark = e2e.mark();
  await e2e.post(group(), "本群信息", { mention: true });
  // (the stats answer may still be arriving: wait for the one that is about this conversation)
  const event = await e2e.nextEvent("the 本群信息 answer", (e) =>
    e.action === "createMessage" && e.actionConversationId?.startsWith(group()) && /本会话/.test(e.message?.text ?? ""), { from: mark });
  assert.ok(event.message.text?.includes(`会话 ID：\`${group()}\``), JSON.stringify(event));
  assert.ok(event.message.text.includes("Organization:Office:ConversationId"), event.message.text);
});
