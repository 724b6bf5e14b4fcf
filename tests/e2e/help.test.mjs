// End to end: the real bot (Release build) behind the real Microsoft 365 Agents Playground.
// `help` / `帮助` in the personal chat, and an @mention + `help` in the group chat and in a
// channel, must each bring back the help Adaptive Card in the right conversation and language;
// then one screenshot of the Playground's web client showing the card.
//
// Needs: `npm ci`, `dotnet build src/OpinionBot -c Release`, Debian's chromium + fonts-noto-cjk.
// OPINIONBOT_DLL overrides the bot's dll path. Logs and the screenshot go to artifacts/e2e/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const artifacts = join(root, "artifacts", "e2e");
const botDll = process.env.OPINIONBOT_DLL ?? join(root, "src", "OpinionBot", "bin", "Release", "net10.0", "OpinionBot.dll");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CARD = "application/vnd.microsoft.card.adaptive";
const STARTUP_TIMEOUT_MS = 60_000;
const MESSAGE_TIMEOUT_MS = 20_000;

const startedAt = Date.now();
const children = [];
let tempDir, botPort, playgroundPort, playground, config, socket;
const received = []; // every websocket event, in order
const waiters = new Set();

// ---------------------------------------------------------------------------------------------
// helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a command in its own process group with stdout+stderr appended to a log file. */
function start(name, command, args, options) {
  const logPath = join(artifacts, `${name}.log`);
  const fd = openSync(logPath, "w");
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const entry = { name, child, logPath, exited: null };
  child.on("exit", (code, signal) => { entry.exited = { code, signal }; });
  child.on("error", (error) => { entry.exited = { error }; });
  children.push(entry);
  return entry;
}

async function stop(entry) {
  if (entry.exited) return;
  const gone = new Promise((resolve) => entry.child.once("exit", resolve));
  const signal = (sig) => { try { process.kill(-entry.child.pid, sig); } catch { /* already gone */ } };
  signal("SIGTERM");
  let timer;
  const late = new Promise((r) => { timer = setTimeout(r, 5_000); });
  await Promise.race([gone, late]);
  clearTimeout(timer);
  signal("SIGKILL"); // whatever is left in the group, e.g. after a SIGTERM it ignored
}

/** Polls `probe` until it returns a truthy value, the process dies, or the time runs out. */
async function until(what, entry, probe, timeoutMs = STARTUP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (entry.exited) assert.fail(`${entry.name} exited (${JSON.stringify(entry.exited)}) before ${what}; see ${entry.logPath}`);
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out after ${timeoutMs / 1000} s waiting for ${what} (${last?.message ?? "no answer"}); see ${entry.logPath}`);
}

/** Resolves with the first websocket event (already received or still to come) matching `match`. */
function nextEvent(description, match, timeoutMs = MESSAGE_TIMEOUT_MS, from = 0) {
  const seen = received.slice(from).find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const waiter = { match, resolve: (e) => { clearTimeout(timer); waiters.delete(waiter); resolve(e); } };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      const summary = received.map((e) => `${e.action} ${e.actionConversationId} from ${e.message?.from?.id}`).join("\n  ");
      reject(new Error(`no ${description} within ${timeoutMs / 1000} s. Websocket events so far:\n  ${summary || "(none)"}\n` +
        `See ${join(artifacts, "bot.log")} and ${join(artifacts, "playground.log")}`));
    }, timeoutMs);
    waiters.add(waiter);
  });
}

const api = (path) => `http://127.0.0.1:${playgroundPort}${path}`;

/** Posts a message as a user through the Playground's conversation API; returns its JSON answer. */
async function post(conversationId, body) {
  const res = await fetch(api(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`), {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `POST …/${conversationId}/messages → ${res.status} ${text}`);
  return JSON.parse(text);
}

/** A message that @mentions the bot, as Teams delivers it: `<at>Name</at>` in the text plus a mention entity. */
function mentioning(text) {
  const at = `<at>${config.bot.name}</at>`;
  return {
    from: { id: config.currentUser.id },
    text: `${at} ${text}`,
    textFormat: "plain",
    mentions: [{ mentioned: { id: config.bot.id }, text: at }],
  };
}

/** Every string in the card under "text" or "title" — what a user reads. */
function visibleStrings(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => visibleStrings(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if ((k === "text" || k === "title") && typeof v === "string") out.push(v);
      else visibleStrings(v, out);
    }
  }
  return out;
}

/** Sends, then waits for the bot's card in `replyConversationId`; checks its language and commands. */
async function expectHelpCard({ send, replyConversationId, heading, commands }) {
  const mark = received.length;
  const answer = await send();
  const conversationId = replyConversationId(answer);
  const event = await nextEvent(`bot message with an Adaptive Card in ${conversationId}`, (e) =>
    e.action === "createMessage" &&
    e.actionConversationId === conversationId &&
    e.message?.from?.id === config.bot.id &&
    e.message.attachments?.some((a) => a.contentType === CARD), MESSAGE_TIMEOUT_MS, mark);
  const card = event.message.attachments.find((a) => a.contentType === CARD).content;
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
  return event;
}

// ---------------------------------------------------------------------------------------------
// start and stop the bot and the Playground

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  assert.ok(existsSync(botDll),
    `The bot is not built: ${botDll} is missing. Build it first: dotnet build src/OpinionBot -c Release ` +
    `(README's test command does), or point OPINIONBOT_DLL at OpinionBot.dll.`);
  tempDir = mkdtempSync(join(tmpdir(), "opinionbot-e2e-"));
  [botPort, playgroundPort] = [await freePort(), await freePort()];

  const bot = start("bot", "dotnet", [botDll, `--Urls=http://127.0.0.1:${botPort}`, `--Storage:LiteDb:Path=${join(tempDir, "e2e.db")}`],
    { cwd: dirname(botDll), env: { ...process.env, DOTNET_NOLOGO: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });

  // The Playground opens a browser with xdg-open and exits when that fails: give it a no-op one.
  const bin = join(tempDir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "xdg-open"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  const cli = join(root, "node_modules", ".bin", "agentsplayground");
  assert.ok(existsSync(cli), `${cli} is missing: run npm ci at the repository root`);
  playground = start("playground", cli,
    ["-e", `http://127.0.0.1:${botPort}/api/messages`, "-c", "msteams", "--dt", "-p", String(playgroundPort)],
    {
      cwd: here,
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        BROWSER: "none",
        // Its own activity log (every request and response), otherwise ./devTools/ under tests/e2e.
        M365_AGENTS_PLAYGROUND_LOGFILE: join(artifacts, "playground-activities.log"),
      },
    });

  await until("the bot's GET /health → 200", bot, async () => (await fetch(`http://127.0.0.1:${botPort}/health`)).status === 200);
  config = await until("the Playground's GET /_internal/v1/config", playground, async () => {
    // It takes a random port when the asked one is taken meanwhile; it prints the one it got.
    const listening = /Listening on (\d+)/.exec(readFileSync(playground.logPath, "utf8"));
    if (!listening) return undefined;
    playgroundPort = Number(listening[1]);
    const res = await fetch(api("/_internal/v1/config"));
    return res.ok ? (await res.json()).config : undefined;
  });
  assert.equal(config.bot.name, "OpinionBot", "tests/e2e/.m365agentsplayground.yml was not loaded (wrong cwd?)");

  socket = new WebSocket(`ws://127.0.0.1:${playgroundPort}/_ws_conversation/v1/conversations/stream`);
  socket.on("message", (data) => {
    let event;
    try { event = JSON.parse(data.toString()); } catch { return; }
    received.push(event);
    for (const w of [...waiters]) if (w.match(event)) w.resolve(event);
  });
  await new Promise((resolve, reject) => { socket.once("open", resolve); socket.once("error", reject); });
  console.log(`bot on :${botPort}, Playground on :${playgroundPort}, ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
});

after(async () => {
  socket?.terminate();
  await Promise.all(children.map(stop));
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  console.log(`e2e took ${((Date.now() - startedAt) / 1000).toFixed(1)} s in all`);
});

// ---------------------------------------------------------------------------------------------
// the scenarios

const english = { heading: "OpinionBot commands", commands: ["report", "zero", "my"] };
const chinese = { heading: "舆情助手命令", commands: ["上报", "零报告", "我的"] };

test("personal chat: help → the English help card (Playground locale en-US)", async () => {
  const chat = config.personalChat.id;
  await expectHelpCard({
    ...english,
    send: () => post(chat, { from: { id: config.currentUser.id }, text: "help", textFormat: "plain" }),
    replyConversationId: () => chat,
  });
});

test("group chat: @OpinionBot help → the English help card in the group chat", async () => {
  const chat = config.groupChats[0].id;
  await expectHelpCard({ ...english, send: () => post(chat, mentioning("help")), replyConversationId: () => chat });
});

test("channel: @OpinionBot help → the English help card in the new post's thread", async () => {
  const channel = config.teams[0].channels.find((c) => c.id !== config.teams[0].id) ?? config.teams[0].channels[0];
  await expectHelpCard({
    ...english,
    send: () => post(channel.id, mentioning("help")),
    // A channel post starts a thread "<channel>;messageid=<root>"; the bot answers there.
    replyConversationId: (answer) => {
      assert.match(answer.postConversationId ?? "", new RegExp(`^${channel.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")};messageid=`));
      return answer.postConversationId;
    },
  });
});

test("personal chat: 帮助 → the Chinese help card although the locale is en-US", async () => {
  const chat = config.personalChat.id;
  await expectHelpCard({
    ...chinese,
    send: () => post(chat, { from: { id: config.currentUser.id }, text: "帮助", textFormat: "plain" }),
    replyConversationId: () => chat,
  });
});

test("web client: screenshot of the help card (artifacts/e2e/help-card.png)", async () => {
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1500 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(api("/"), { waitUntil: "domcontentloaded" });
    // Han characters take the Simplified Chinese glyphs of Noto CJK only when the page says zh.
    await page.evaluate(() => { document.documentElement.lang = "zh-CN"; });
    // A chat shows only the messages that arrive after it has been opened.
    const chat = page.getByRole("treeitem", { name: config.personalChat.name });
    await chat.waitFor({ timeout: MESSAGE_TIMEOUT_MS });
    await chat.click();
    const compose = page.locator("[contenteditable=true]").first();
    for (const [text, heading] of [["help", english.heading], ["帮助", chinese.heading]]) {
      const mark = received.length;
      await compose.click();
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
      await nextEvent(`bot reply to "${text}" typed in the web client`, (e) =>
        e.actionConversationId === config.personalChat.id && e.message?.from?.id === config.bot.id &&
        JSON.stringify(e.message.attachments ?? []).includes(heading), MESSAGE_TIMEOUT_MS, mark);
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
