// End to end in the Playground: the scheduled work, on second-scale crons and deadlines.
//
// The roster is approvals.test.mjs's without an approval conversation (the office channel is "Briefings").
// Li Na (officer) writes in her personal chat so the bot knows it, and @mentions the bot in the Briefings channel
// with 订阅简报: officers may not subscribe, so she is refused. The Playground posts every message as its current user,
// so nobody else can type there: the bot is restarted on the same database with Li Na also in Organization:Admins, and
// she subscribes the channel. Then: the daily-report reminder card reaches Li Na before she reports anything, and its one-tap
// zero report is recorded; she reports a level IV case, whose first-response clock (4 s) runs out: reminder slips 1,
// 2, 3 (3 s apart) reach her chat, then the escalation notice (通报) reaches the office channel — each exactly once.
// Last, the daily briefing (of the previous day) reaches the subscribed channel exactly once although its cron fires
// every 5 s.
//
// The zero-report reminder and the daily briefing are marked done for the day/period at their first firing even
// when nobody is reached (no officer chat known yet, no subscribed channel yet) — see DailyReportSchedule.
// RemindUnreported and BriefingSender.Send. So their crons fire every 2 s / 5 s only inside a window that opens
// after the steps that make them reachable (WINDOW_* below, from this file's start), not from the bot's start.
// Logs: artifacts/e2e/schedules-* (schedules-websocket.json holds every websocket event).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { E2E, cardOf, findElements, visibleStrings, PLAYGROUND_ROSTER, asArgs, shanghai } from "./harness.mjs";

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const since = (at) => secs(Date.now() - at);


/**
 * A Quartz cron firing every `step` seconds from `at` (rounded up to a whole second) to the end of that minute; when
 * fewer than 15 s of the minute are left, from the start of the next minute instead. Returns { cron, opensAt }.
 */
function windowCron(at, step) {
  let start = Math.ceil(at / 1000) * 1000;
  if (new Date(start).getUTCSeconds() > 45) start = (Math.floor(start / 60_000) + 1) * 60_000;
  const p = shanghai(new Date(start));
  return { cron: `${Number(p.second)}/${step} ${Number(p.minute)} ${Number(p.hour)} ${Number(p.day)} ${Number(p.month)} ? ${p.year}`, opensAt: start };
}

// After the set-up below: bot + Playground start in ~5 s and a restart ~2 s on an idle machine, up to three times that
// on a busy one.
const WINDOW_ZERO = windowCron(t0 + 25_000, 2);
const WINDOW_BRIEFING = windowCron(Math.max(t0 + 18_000, WINDOW_ZERO.opensAt + 4_000), 5); // after the subscription

const settings = {
  ...PLAYGROUND_ROSTER,
  "Schedule:DailyReportEveryDay": "true",
  "Schedule:ZeroReportReminder": WINDOW_ZERO.cron,
  "Schedule:ZeroReportDeadline": "0 0 0 1 1 ? 2099",
  "Schedule:OverdueScan": "0/2 * * * * ?",
  "Schedule:DailyBriefing": WINDOW_BRIEFING.cron,
  "Schedule:WeeklySummary": "0 0 0 1 1 ? 2099",
  "Workflow:Reminders:Interval": "00:00:03",
  "Workflow:Reminders:EscalateAfter": "3",
  "Workflow:Deadlines:FirstResponseAfterReport": "00:00:04",
  "Workflow:Deadlines:ReportAfterDiscovery": "01:00:00",
  "Workflow:Deadlines:ReviewAfterReport": "01:00:00",
  "Workflow:Deadlines:FormalAnswerAfterReport": "18:00:00",
};
const e2e = new E2E("schedules", { botSettings: asArgs(settings) });
const arrivals = new Map(); // websocket event → when it arrived (Date.now())
before(async () => {
  await e2e.start();
  e2e.socket.on("message", () => arrivals.set(e2e.received.at(-1), Date.now())); // after the harness's own listener
});
after(async () => {
  writeFileSync(e2e.log("websocket.json"), JSON.stringify(e2e.received, null, 1));
  await e2e.stop();
});

const personal = () => e2e.config.personalChat.id;
const channel = () => e2e.config.teams[0].channels.find((c) => c.id === "channel-briefings").id;
const fromBot = (e) => e.action === "createMessage" && e.message?.from?.id === e2e.config.bot.id;
const inChannel = (e) => e.actionConversationId === channel() || e.actionConversationId?.startsWith(`${channel()};`);
const hasCard = (e) => e.message?.attachments?.some((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const state = {};

console.log(`[schedules] zero-report reminder window "${WINDOW_ZERO.cron}" opens ${secs(WINDOW_ZERO.opensAt - t0)} after the start; ` +
  `daily briefing window "${WINDOW_BRIEFING.cron}" opens ${secs(WINDOW_BRIEFING.opensAt - t0)} after it`);

test("Li Na writes in her chat; her 订阅简报 in the Briefings channel is refused (officer); made an admin (restart), she subscribes it", async () => {
  let mark = e2e.mark();
  await e2e.post(personal(), "我的");
  await e2e.nextEvent("the bot's answer to 我的", (e) => fromBot(e) && e.actionConversationId === personal(), { from: mark });

  mark = e2e.mark();
  await e2e.post(channel(), "订阅简报", { mention: true });
  const refusal = await e2e.nextEvent("the refusal in the channel", (e) => fromBot(e) && inChannel(e), { from: mark });
  assert.equal(refusal.message.text, "仅舆情办、管理员、领导小组组长和领导可以为会话订阅或取消订阅简报。");

  // The Playground posts every message as its current user (Li Na), whatever "from" says, so Chen Jie (office, admin)
  // cannot type here: Li Na is made an admin too — the bot restarts on the same database with her in Organization:Admins.
  e2e.botSettings.push("--Organization:Admins:1=li.na@contoso.example");
  const { ms } = await e2e.restartBot();
  console.log(`[schedules] bot restarted with Li Na as admin in ${secs(ms)}`);

  mark = e2e.mark();
  await e2e.post(channel(), "订阅简报", { mention: true });
  const done = await e2e.nextEvent("the confirmation in the channel", (e) => fromBot(e) && inChannel(e), { from: mark });
  assert.equal(done.message.text, "订阅成功：本会话将收到每日简报和每周汇总。发送“取消订阅”即可停止。");
  console.log(`[schedules] chat recorded and channel subscribed ${since(t0)} after the start`);
  assert.ok(Date.now() < WINDOW_ZERO.opensAt, "set up before the zero-report reminder window opened (startup too slow?)");
  assert.ok(Date.now() < WINDOW_BRIEFING.opensAt, "subscribed before the daily briefing window opened");
});

test("zero-report reminder: the 每日报告提醒 card reaches Li Na's chat (zero.report button) once; pressing it records the zero report", async () => {
  const event = await e2e.nextEvent("the daily-report reminder in Li Na's chat", (e) =>
    fromBot(e) && e.actionConversationId === personal() && hasCard(e) && /每日报告提醒|Daily report reminder/.test(JSON.stringify(cardOf(e))),
  { timeoutMs: WINDOW_ZERO.opensAt - Date.now() + 8_000 });
  console.log(`[schedules] zero-report reminder arrived ${secs(Date.now() - WINDOW_ZERO.opensAt)} after its window opened`);
  const card = cardOf(event);
  const strings = visibleStrings(card);
  assert.ok(strings.includes("每日报告提醒"), `Li Na wrote in Chinese: the Chinese heading: ${JSON.stringify(strings)}`);
  assert.ok(strings.some((s) => s.startsWith("宣传部 尚未报送")), `names the unit: ${JSON.stringify(strings)}`);
  const buttons = findElements(card, (n) => n.type === "Action.Execute");
  assert.deepEqual(buttons.map((b) => b.verb), ["zero.report"]);
  assert.equal(buttons[0].data.unitId, "propaganda");

  // The window fires every 2 s: another firing must not send it again.
  await sleep(2_500);
  const reminders = e2e.received.filter((e) => fromBot(e) && hasCard(e) && /每日报告提醒|Daily report reminder/.test(JSON.stringify(e.message.attachments)));
  assert.equal(reminders.length, 1, "one reminder (Megan of 教育局 has no chat with the bot)");

  const answer = await e2e.invoke({ conversationId: personal(), replyToId: event.message.messageId, verb: "zero.report", data: buttons[0].data });
  assert.equal(answer.type, "application/vnd.microsoft.card.adaptive", `invoke answer: ${JSON.stringify(answer)}`);
  const recorded = visibleStrings(answer.value);
  assert.ok(recorded.some((s) => s === `已记录 宣传部 ${buttons[0].data.day} 的零报告。` || s === `Zero report recorded for 宣传部 on ${buttons[0].data.day}.`),
    `recorded: ${JSON.stringify(recorded)}`);
});

test("level IV case → first-response slips 1, 2, 3 in Li Na's chat, then the escalation notice in the office channel, each once", async () => {
  const mark = e2e.mark();
  const intakeMark = e2e.mark();
  await e2e.post(personal(), "上报");
  const intake = await e2e.botCard(personal(), { from: intakeMark, contains: "case.report" });
  const [submit] = findElements(cardOf(intake), (n) => n.type === "Action.Execute" && n.verb === "case.report");
  const now = shanghai(new Date());
  const earlier = shanghai(new Date(Date.now() - 10 * 60_000));
  const title = "某小区停水多日居民投诉 (schedules e2e)";
  const values = {
    title, links: "https://weibo.com/1234567890/schedules-e2e", platform: "Weibo",
    publishedDate: now.date, publishedTime: "00:00", discoveredDate: now.date, discoveredTime: earlier.date === now.date ? earlier.time : "00:00",
    level: "IV", category: "ComplaintAppeal", flags: "", reposts: "3", comments: "2", views: "500", tendency: "Negative",
    summary: "端到端测试：提醒单与通报。", unit: "propaganda",
  };
  const reportedAt = Date.now();
  const answer = await e2e.invoke({ conversationId: personal(), replyToId: intake.message.messageId, verb: "case.report", data: { ...submit.data, ...values } });
  const number = /已登记为事件 \*\*(\d{4}-\d{4})\*\*/.exec(JSON.stringify(answer))?.[1];
  assert.ok(number, `registered: ${JSON.stringify(answer)}`);

  const slipOf = (e) => {
    if (!fromBot(e) || !hasCard(e)) return undefined;
    const card = cardOf(e);
    const heading = visibleStrings(card).map((s) => /^(?:提醒单（第 (\d) 次）— 事件|Reminder slip (\d) — case) (\d{4}-\d{4})$/.exec(s)).find(Boolean);
    if (!heading || heading[3] !== number) return undefined;
    const owed = findElements(card, (n) => (n.title === "待办事项" || n.title === "Owed") && typeof n.value === "string")[0]?.value;
    return { n: Number(heading[1] ?? heading[2]), owed, conversation: e.actionConversationId };
  };
  const firstResponseSlip = (n) => (e) => { const s = slipOf(e); return s && s.n === n && /首次回应|First public response/.test(s.owed); };
  for (const n of [1, 2, 3]) {
    const slip = await e2e.nextEvent(`reminder slip ${n} (first response) of ${number}`, firstResponseSlip(n), { from: mark, timeoutMs: 15_000 });
    assert.equal(slip.actionConversationId, personal(), `slip ${n} goes to Li Na's chat`);
    console.log(`[schedules] slip ${n} arrived ${since(reportedAt)} after the report`);
  }
  const escalationRe = new RegExp(`^(?:通报：事件 ${number}“${title.replace(/[()]/g, "\\$&")}”（宣传部）的首次回应已超时|Escalation notice: case ${number} “${title.replace(/[()]/g, "\\$&")}” \\(宣传部\\) — First public response is )`);
  const isEscalation = (e) => fromBot(e) && escalationRe.test(e.message?.text ?? "");
  const notice = await e2e.nextEvent(`the escalation notice for ${number}`, isEscalation, { from: mark, timeoutMs: 15_000 });
  console.log(`[schedules] escalation notice arrived ${since(reportedAt)} after the report: ${notice.message.text}`);
  assert.ok(inChannel(notice), `the notice goes to the office channel: ${notice.actionConversationId}`);
  assert.match(notice.message.text, /(经 3 次提醒仍未办理|after 3 reminder slips)/);

  await sleep(4_000); // more than a reminder interval, two scans: no 4th slip, no second notice
  const slips = e2e.received.slice(mark).map(slipOf).filter(Boolean);
  const firstResponse = slips.filter((s) => /首次回应|First public response/.test(s.owed));
  assert.deepEqual(firstResponse.map((s) => s.n), [1, 2, 3], `each first-response slip once, in order: ${JSON.stringify(slips)}`);
  assert.deepEqual(firstResponse.map((s) => s.conversation), [personal(), personal(), personal()], "only Li Na's chat (the leaders have none)");
  const others = slips.filter((s) => !/首次回应|First public response/.test(s.owed));
  if (others.length) console.log(`[schedules] slips for other clocks: ${JSON.stringify(others)}`);
  assert.equal(e2e.received.slice(mark).filter(isEscalation).length, 1, "one escalation notice");
});

test("daily briefing: the previous day's briefing reaches the subscribed channel once although its cron fires every 5 s", async () => {
  const isBriefing = (e) => fromBot(e) && inChannel(e) && hasCard(e) && /(每日简报|Daily briefing) — /.test(JSON.stringify(e.message.attachments));
  const event = await e2e.nextEvent("the daily briefing in the Briefings channel", isBriefing, { timeoutMs: Math.max(0, WINDOW_BRIEFING.opensAt - Date.now()) + 8_000 });
  console.log(`[schedules] daily briefing arrived ${secs(arrivals.get(event) - WINDOW_BRIEFING.opensAt)} after its window opened`);
  const yesterday = shanghai(new Date(WINDOW_BRIEFING.opensAt - 86_400_000)).date;
  const strings = visibleStrings(cardOf(event));
  assert.ok(strings.some((s) => s === `Daily briefing — ${yesterday}` || s === `每日简报 — ${yesterday}`), `heading for ${yesterday}: ${JSON.stringify(strings)}`);
  const lastNeeded = WINDOW_BRIEFING.opensAt + 11_000; // at least two more firings of the window
  if (Date.now() < lastNeeded) await sleep(lastNeeded - Date.now());
  assert.equal(e2e.received.filter(isBriefing).length, 1, "one briefing for the period");
  console.log(`[schedules] whole file so far: ${since(t0)}`);
});
