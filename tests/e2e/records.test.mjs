// End to end in the Playground: records the office sends upward. Li Na (officer of 宣传部) reports a case
// through the intake card; the office (Chen Jie) asks `导出台账` in the group chat — posted straight to the bot
// as Teams would, since the Playground only posts as its current user — and gets a card with an
// Action.OpenUrl button; following the link (GET /files/{id} on Bot:PublicUrl) gives an .xlsx that lists
// the case. Someone not on the roster (Megan, left out of it here) asking `导出台账` is refused; an unknown
// link id, and the office's link once expired, get 404. Logs: artifacts/e2e/records-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { E2E, cardOf, findElements, shanghai, PLAYGROUND_ROSTER, asArgs } from "./harness.mjs";
import { unzip } from "./zip.mjs";

const LINK_LIFETIME_SECONDS = 20;
const roster = {
  ...PLAYGROUND_ROSTER,
  "Organization:Units:1:Officers:0": "someone.else@contoso.example", // Megan is on no list here
  "Files:LinkLifetime": `00:00:${LINK_LIFETIME_SECONDS}`,
};
const e2e = new E2E("records", { botSettings: (self) => [...asArgs(roster), `--Bot:PublicUrl=http://127.0.0.1:${self.botPort}`] });
before(() => e2e.start());
after(async () => {
  writeFileSync(e2e.log("websocket.json"), JSON.stringify(e2e.received, null, 1));
  await e2e.stop();
});

const OFFICE = "user-office";
const STRANGER = "user-officer2";
const TITLE = "网传某校食堂食品安全问题 (records e2e)";
const personal = () => e2e.config.personalChat.id;
const group = () => e2e.config.groupChats.find((c) => c.id === "group-chat-press-office").id;
const state = {};

test("an officer reports a case through the intake card", async () => {
  const mark = e2e.mark();
  await e2e.post(personal(), "上报");
  const intake = await e2e.botCard(personal(), { from: mark, contains: "case.report" });
  const [submit] = findElements(cardOf(intake), (n) => n.type === "Action.Execute" && n.verb === "case.report");
  const now = shanghai(new Date());
  const before = shanghai(new Date(Date.now() - 10 * 60_000));
  const values = {
    title: TITLE, links: "https://weibo.com/1234567890/records-e2e", platform: "Weibo",
    publishedDate: now.date, publishedTime: "00:00", discoveredDate: now.date, discoveredTime: before.date === now.date ? before.time : "00:00",
    level: "IV", category: "NegativeReport", flags: "", reposts: "10", comments: "5", views: "1000", tendency: "Negative",
    summary: "端到端测试：导出台账。", unit: "propaganda",
  };
  const answer = await e2e.invoke({ conversationId: personal(), replyToId: intake.message.messageId, verb: "case.report", data: { ...submit.data, ...values } });
  const number = /已登记为事件 \*\*(\d{4}-\d{4})\*\*/.exec(JSON.stringify(answer))?.[1];
  assert.ok(number, `expected 已登记为事件 **YYYY-NNNN**: ${JSON.stringify(answer)}`);
  Object.assign(state, { number, month: `${now.year}-${now.month}` });
});

test("the office asks 导出台账 and gets a card with an Action.OpenUrl link to the register", async () => {
  const mark = e2e.mark();
  await e2e.postToBotAs(OFFICE, group(), "导出台账");
  const event = await e2e.botCard(group(), { from: mark, contains: "舆情台账_" });
  const card = cardOf(event);
  const [open] = findElements(card, (n) => n.type === "Action.OpenUrl");
  assert.ok(open, `the card has an Action.OpenUrl: ${JSON.stringify(card)}`);
  assert.ok(open.url.startsWith(`http://127.0.0.1:${e2e.botPort}/files/`), `the link starts with Bot:PublicUrl: ${open.url}`);
  assert.ok(JSON.stringify(card).includes(`舆情台账_${state.month}.xlsx`), `the file name carries the month: ${JSON.stringify(card)}`);
  state.url = open.url;
});

test("following the link gives a workbook that lists the case", async () => {
  const res = await fetch(state.url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const disposition = res.headers.get("content-disposition");
  assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent(`舆情台账_${state.month}.xlsx`)}`), disposition);
  const files = unzip(Buffer.from(await res.arrayBuffer()));
  assert.ok(files.has("[Content_Types].xml") && files.has("xl/workbook.xml"), `an .xlsx package: ${[...files.keys()]}`);
  const workbook = files.get("xl/workbook.xml").toString("utf8");
  for (const sheet of ["事件台账", "每日报告", "按时率"]) assert.ok(workbook.includes(`name="${sheet}"`), `sheet ${sheet} in ${workbook}`);
  const cases = files.get("xl/worksheets/sheet1.xml").toString("utf8");
  assert.ok(cases.includes(`>${state.number}<`), `the first sheet lists ${state.number}`);
  assert.ok(cases.includes(TITLE), "the first sheet shows the title");
  assert.ok(cases.includes('state="frozen"'), "the header row is frozen");
  assert.match(cases, /<x:autoFilter ref="A1:[A-Z]+2"/);
});

test("someone not on the roster who asks 导出台账 is refused and gets no link", async () => {
  const mark = e2e.mark();
  await e2e.postToBotAs(STRANGER, group(), "导出台账");
  const event = await e2e.botMessage(group(), { from: mark, contains: "名册" });
  assert.equal(findElements(event.message, (n) => n.type === "Action.OpenUrl").length, 0, "no download button");
});

test("an unknown link id gets 404, and so does the office's link once it has expired", async () => {
  const unknown = await fetch(`http://127.0.0.1:${e2e.botPort}/files/${randomBytes(32).toString("base64url")}`);
  assert.equal(unknown.status, 404);
  assert.equal((await unknown.text()).length, 0, "a 404 with no detail");
  const malformed = await fetch(`http://127.0.0.1:${e2e.botPort}/files/not-a-link`);
  assert.equal(malformed.status, 404);

  const deadline = Date.now() + (LINK_LIFETIME_SECONDS + 40) * 1000;
  let status;
  while (Date.now() < deadline) {
    status = (await fetch(state.url)).status;
    if (status === 404) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal(status, 404, `the link should expire after ${LINK_LIFETIME_SECONDS} s`);
});
