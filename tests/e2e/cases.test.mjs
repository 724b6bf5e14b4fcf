// End to end in the Playground: an officer reports a case through the intake card, `my` lists it,
// the bot is restarted on the same database, and `case <number>` still shows it with its timeline;
// then a screenshot of the case card in the web client (artifacts/e2e/case-card.png).
//
// The roster maps the Playground's users (tests/e2e/.m365agentsplayground.yml) by email: the bot
// resolves the current user, Li Na, through the connector's members API. Logs: artifacts/e2e/cases-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { E2E, MESSAGE_TIMEOUT_MS, artifacts, cardOf, findElements, visibleStrings, PLAYGROUND_ROSTER, asArgs, shanghai } from "./harness.mjs";

const roster = {
  ...PLAYGROUND_ROSTER,
};
const e2e = new E2E("cases", { botSettings: asArgs(roster) });
before(() => e2e.start());
after(() => e2e.stop());

const INPUTS = ["title", "links", "platform", "publishedDate", "publishedTime", "discoveredDate", "discoveredTime", "level",
  "category", "flags", "reposts", "comments", "views", "tendency", "summary", "unit"];
const TITLE = "网传某校食堂食品安全问题 (e2e)";


/** The inputs of a card by id. */
const inputsOf = (card) => Object.fromEntries(findElements(card, (n) => typeof n.type === "string" && n.type.startsWith("Input.")).map((i) => [i.id, i]));
/** The card's single Action.Execute (its Submit). */
function executeOf(card) {
  const actions = findElements(card, (n) => n.type === "Action.Execute");
  assert.equal(actions.length, 1, `expected one Action.Execute: ${JSON.stringify(actions)}`);
  return actions[0];
}

const chat = () => e2e.config.personalChat.id;
const state = {}; // shared along the steps below: the intake message, the case number

test("personal chat: 上报 → the intake card (Action.Execute case.report, every input)", async () => {
  const mark = e2e.mark();
  await e2e.post(chat(), "上报");
  const event = await e2e.botCard(chat(), { from: mark });
  const card = cardOf(event);
  assert.ok(JSON.stringify(card).includes("上报舆情"), "the intake card should be in Chinese (上报舆情)");
  const submit = executeOf(card);
  assert.equal(submit.verb, "case.report");
  assert.match(String(submit.data?.submissionId ?? ""), /^.{1,64}$/, `data.submissionId: ${JSON.stringify(submit.data)}`);

  const inputs = inputsOf(card);
  assert.deepEqual(Object.keys(inputs).sort(), [...INPUTS].sort());
  const choices = (id) => (inputs[id].choices ?? []).map((c) => c.value);
  assert.deepEqual(choices("level"), ["I", "II", "III", "IV"]);
  assert.deepEqual(choices("category").sort(), ["ComplaintAppeal", "Emergency", "HarmfulInformation", "NegativeReport", "Rumour"]);
  assert.deepEqual(choices("tendency").sort(), ["Negative", "Neutral", "Positive"]);
  assert.ok(choices("flags").includes("Sensitive") && choices("flags").includes("BigV"), `flags: ${choices("flags")}`);
  assert.equal(inputs.flags.isMultiSelect, true);
  // Li Na is an officer of 宣传部 only.
  assert.deepEqual(inputs.unit.choices, [{ title: "宣传部", value: "propaganda" }]);
  Object.assign(state, { intakeId: event.message.messageId, submit });
  assert.ok(state.intakeId, `the Playground's message has an id: ${JSON.stringify(event.message)}`);
});

/** What the officer enters; discovered a few minutes ago today in Shanghai, published at midnight. */
function entries(overrides = {}) {
  const now = shanghai(new Date());
  const before = shanghai(new Date(Date.now() - 10 * 60_000));
  const discoveredTime = before.date === now.date ? before.time : "00:00";
  return {
    title: TITLE, links: "https://weibo.com/1234567890/e2e\nhttps://news.example.cn/a/1", platform: "Weibo",
    publishedDate: now.date, publishedTime: "00:00", discoveredDate: now.date, discoveredTime,
    level: "III", category: "NegativeReport", flags: "Sensitive,BigV", reposts: "120", comments: "45", views: "30000",
    tendency: "Negative", summary: "学生家长在微博发帖称食堂饭菜变质，转发较多。", unit: "propaganda", ...overrides,
  };
}

/** Submit as Teams does it: the action's data merged with the input values. */
const press = (submit, values) =>
  e2e.invoke({ conversationId: chat(), replyToId: state.intakeId, verb: submit.verb, data: { ...submit.data, ...values } });

test("intake card: Submit with an empty title and a bad link → the same card again, with errors, values kept", async () => {
  const values = entries({ title: "", links: "not-a-link" });
  const answer = await press(state.submit, values);
  assert.equal(answer.type, "application/vnd.microsoft.card.adaptive", `invoke answer: ${JSON.stringify(answer)}`);
  const card = answer.value;
  const strings = visibleStrings(card);
  assert.ok(strings.some((s) => s.includes("请更正以下内容后重新提交")), `error heading missing: ${JSON.stringify(strings)}`);
  assert.ok(strings.some((s) => s.startsWith("•") && s.includes("not-a-link")), `no error naming the bad link: ${JSON.stringify(strings)}`);
  assert.equal(strings.filter((s) => s.startsWith("•")).length, 2, `exactly the two errors (title, link): ${JSON.stringify(strings)}`);

  const inputs = inputsOf(card);
  assert.deepEqual(Object.keys(inputs).sort(), [...INPUTS].sort());
  for (const [id, value] of Object.entries(values)) {
    const shown = inputs[id].value === undefined ? "" : String(inputs[id].value);
    assert.equal(shown, value, `input ${id} should keep "${value}"`);
  }
  const submit = executeOf(card);
  assert.equal(submit.verb, "case.report");
  assert.equal(submit.data.submissionId, state.submit.data.submissionId, "the corrected card keeps the submission id");
  state.submit = submit; // the next press is on the card as it is now
});

test("intake card: Submit with valid values → 已登记为事件 YYYY-0001 (the case card)", async () => {
  const year = shanghai(new Date()).year;
  state.number = `${year}-0001`;
  const answer = await press(state.submit, entries());
  // The Playground answers with the bot's invoke response stripped to { type, value } (no statusCode).
  assert.deepEqual(Object.keys(answer).sort(), ["type", "value"], `invoke answer: ${JSON.stringify(answer)}`);
  assert.equal(answer.type, "application/vnd.microsoft.card.adaptive", `invoke answer: ${JSON.stringify(answer)}`);
  const json = JSON.stringify(answer.value);
  assert.ok(json.includes(`已登记为事件 **${state.number}**`), `expected 已登记为事件 **${state.number}**: ${json}`);
  assert.ok(json.includes(TITLE), "the case card shows the title");
  assert.equal(findElements(answer.value, (n) => typeof n.type === "string" && n.type.startsWith("Input.")).length, 0, "no inputs left");
});

test("intake card: the same Submit pressed again → 此次上报已登记为事件 YYYY-0001, no second case", async () => {
  const answer = await press(state.submit, entries());
  assert.equal(answer.type, "application/vnd.microsoft.card.adaptive", `invoke answer: ${JSON.stringify(answer)}`);
  const json = JSON.stringify(answer.value);
  assert.ok(json.includes(`此次上报已登记为事件 **${state.number}**`), `expected the already-recorded note: ${json}`);
});

test("personal chat: my → lists the new case; the Playground never pushed an update of the intake card", async () => {
  const mark = e2e.mark();
  await e2e.post(chat(), "my");
  const card = cardOf(await e2e.botCard(chat(), { from: mark }));
  const json = JSON.stringify(card);
  assert.ok(json.includes(`**${state.number}**`), `my should list **${state.number}**: ${json}`);
  assert.ok(json.includes(TITLE), `my should show the title: ${json}`);
  const year = state.number.slice(0, 4);
  assert.deepEqual([...new Set(json.match(new RegExp(`${year}-\\d{4}`, "g")))], [state.number], "one case only");
  // An invoke through the API swaps the stored card on the Playground's server only: the web client
  // replaces a card itself when *it* pressed the button; nothing goes out on the websocket.
  const updates = e2e.received.filter((e) => e.action === "updateMessage");
  assert.deepEqual(updates, [], "no updateMessage event after the invoke responses");
});

test("restart: the bot stops and starts again on the same port and database", async () => {
  const { ms, oldPid, newPid, samePort } = await e2e.restartBot();
  console.log(`[cases] bot restarted in ${(ms / 1000).toFixed(1)} s (pid ${oldPid} → ${newPid}, ${samePort ? "same port" : "new port, Playground restarted"})`);
  assert.notEqual(newPid, oldPid);
  assert.throws(() => process.kill(oldPid, 0), { code: "ESRCH" }, "the first bot process is gone");
});

test("personal chat: case YYYY-0001 after the restart → the English case card with its timeline", async () => {
  const mark = e2e.mark();
  await e2e.post(chat(), `case ${state.number}`);
  const card = cardOf(await e2e.botCard(chat(), { from: mark }));
  const strings = visibleStrings(card);
  const json = JSON.stringify(card);
  assert.ok(json.includes(state.number), `case card names ${state.number}: ${json}`);
  assert.ok(json.includes(TITLE), `case card shows the title: ${json}`);
  assert.ok(strings.includes("Timeline") || strings.some((s) => /timeline/i.test(s)), `English timeline heading: ${JSON.stringify(strings)}`);
  assert.ok(strings.some((s) => /Li Na/.test(s) && /Reported$/.test(s)), `a timeline line "… · Li Na · Reported": ${JSON.stringify(strings)}`);
  assert.ok(!strings.some((s) => s.includes("上报舆情")), "typed in English, answered in English");
});

test("web client: screenshot of the case card (artifacts/e2e/case-card.png)", async () => {
  const { browser, page } = await e2e.openWebClient();
  try {
    await e2e.openChat(page, e2e.config.personalChat.name);
    const mark = e2e.mark();
    await e2e.type(page, `case ${state.number}`);
    await e2e.botCard(chat(), { from: mark, contains: TITLE });
    await page.getByText(TITLE).last().waitFor({ state: "visible", timeout: MESSAGE_TIMEOUT_MS });
    await page.getByText(/Reported$/).last().scrollIntoViewIfNeeded({ timeout: MESSAGE_TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready);
    const file = join(artifacts, "case-card.png");
    await page.screenshot({ path: file });
    assert.ok(existsSync(file));
    assert.ok(statSync(file).size > 10 * 1024, `${file} is only ${statSync(file).size} bytes`);
  } finally {
    await browser.close();
  }
});
