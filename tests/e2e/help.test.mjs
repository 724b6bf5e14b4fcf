// End to end: the real bot (Release build) behind the real Microsoft 365 Agents Playground.
// `help` / `帮助` in the personal chat, and an @mention + `help` in the group chat and in a
// channel, must each bring back the help Adaptive Card in the right conversation and language;
// then one screenshot of the Playground's web client showing the card.
//
// The harness (harness.mjs) lists what this needs. Logs go to artifacts/e2e/help-*.log, the
// screenshot to artifacts/e2e/help-card.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { E2E, MESSAGE_TIMEOUT_MS, artifacts, cardOf, visibleStrings } from "./harness.mjs";

const e2e = new E2E("help");
before(() => e2e.start());
after(() => e2e.stop());

const english = { heading: "OpinionBot commands", commands: ["report", "zero", "my"] };
const chinese = { heading: "舆情助手命令", commands: ["上报", "零报告", "我的"] };

/** Sends, then waits for the bot's card in `replyConversationId`; checks its language and commands. */
async function expectHelpCard({ send, replyConversationId, heading, commands }) {
  const mark = e2e.mark();
  const answer = await send();
  const card = cardOf(await e2e.botCard(replyConversationId(answer), { from: mark }));
  const json = JSON.stringify(card);
  assert.equal(card.type, "AdaptiveCard");
  assert.ok(json.includes(heading), `card should contain "${heading}": ${json}`);
  const strings = visibleStrings(card);
  for (const command of commands) {
    // A command is listed when some title/text *starts* with it (after bullets, markdown or
    // backticks): "report / 上报", "**report**", "• report — …". Prose that merely uses the word
    // ("report negative posts") does not count.
    const listed = strings.some((s) => {
      const t = s.replace(/^[\s*_`•·\-–—>#]+/u, "").toLowerCase();
      return t.startsWith(command) && !/^[a-z]/.test(t.slice(command.length)); // "my", not "myself"
    });
    assert.ok(listed, `help card should list the command "${command}"; its texts are: ${JSON.stringify(strings)}`);
  }
}

test("personal chat: help → the English help card (Playground locale en-US)", async () => {
  const chat = e2e.config.personalChat.id;
  await expectHelpCard({ ...english, send: () => e2e.post(chat, "help"), replyConversationId: () => chat });
});

test("group chat: @OpinionBot help → the English help card in the group chat", async () => {
  const chat = e2e.config.groupChats[0].id;
  await expectHelpCard({ ...english, send: () => e2e.post(chat, "help", { mention: true }), replyConversationId: () => chat });
});

test("channel: @OpinionBot help → the English help card in the new post's thread", async () => {
  const team = e2e.config.teams[0];
  const channel = team.channels.find((c) => c.id !== team.id) ?? team.channels[0];
  await expectHelpCard({
    ...english,
    send: () => e2e.post(channel.id, "help", { mention: true }),
    // A channel post starts a thread "<channel>;messageid=<root>"; the bot answers there.
    replyConversationId: (answer) => {
      assert.match(answer.postConversationId ?? "", new RegExp(`^${channel.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")};messageid=`));
      return answer.postConversationId;
    },
  });
});

test("personal chat: 帮助 → the Chinese help card although the locale is en-US", async () => {
  const chat = e2e.config.personalChat.id;
  await expectHelpCard({ ...chinese, send: () => e2e.post(chat, "帮助"), replyConversationId: () => chat });
});

test("web client: screenshot of the help card (artifacts/e2e/help-card.png)", async () => {
  const { browser, page } = await e2e.openWebClient();
  try {
    await e2e.openChat(page, e2e.config.personalChat.name);
    for (const [text, heading] of [["help", english.heading], ["帮助", chinese.heading]]) {
      const mark = e2e.mark();
      await e2e.type(page, text);
      await e2e.botCard(e2e.config.personalChat.id, { from: mark, contains: heading });
      await page.getByText(heading, { exact: true }).last().waitFor({ state: "visible", timeout: MESSAGE_TIMEOUT_MS });
    }
    await page.evaluate(() => document.fonts.ready);
    const file = join(artifacts, "help-card.png");
    await page.screenshot({ path: file });
    assert.ok(existsSync(file));
    assert.ok(statSync(file).size > 10 * 1024, `${file} is only ${statSync(file).size} bytes`);
  } finally {
    await browser.close();
  }
});
