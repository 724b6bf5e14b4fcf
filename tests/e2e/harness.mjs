// Shared harness for the Playground end-to-end tests: the real bot (Release build) behind the real
// Microsoft 365 Agents Playground, driven over the Playground's conversation API and watched on
// its websocket. Each test file runs in its own process (node --test) and starts its own bot and
// Playground on free ports, with its own database and its own log files (artifacts/e2e/<name>-*).
//
// Needs: `npm ci`, `dotnet build src/OpinionBot -c Release`, Debian's chromium + fonts-noto-cjk.
// OPINIONBOT_DLL overrides the bot's dll path, CHROMIUM_PATH the browser's.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { chromium } from "playwright-core";

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
export const artifacts = join(root, "artifacts", "e2e");
export const botDll = process.env.OPINIONBOT_DLL ?? join(root, "src", "OpinionBot", "bin", "Release", "net10.0", "OpinionBot.dll");
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CARD = "application/vnd.microsoft.card.adaptive";
export const STARTUP_TIMEOUT_MS = 60_000;
export const MESSAGE_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;

// Whatever happens to this process (a failed before(), the runner's SIGTERM), take the bot and the
// Playground down with it: they run in process groups of their own.
const running = new Set();
const tempDirs = new Set();
const killAll = () => {
  for (const pid of running) try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
};
process.once("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, () => { killAll(); process.exit(128 + (sig === "SIGINT" ? 2 : 15)); });

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort() {
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

/** Every string in a card under "text" or "title" — what a user reads. */
export function visibleStrings(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => visibleStrings(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if ((k === "text" || k === "title") && typeof v === "string") out.push(v);
      else visibleStrings(v, out);
    }
  }
  return out;
}

/** Every element of a card (body, containers, columns, actions…) for which `match` is true. */
export function findElements(node, match, out = []) {
  if (Array.isArray(node)) node.forEach((n) => findElements(n, match, out));
  else if (node && typeof node === "object") {
    if (match(node)) out.push(node);
    Object.values(node).forEach((v) => findElements(v, match, out));
  }
  return out;
}

/** The Adaptive Card of a websocket message event. */
export function cardOf(event) {
  const attachment = event.message?.attachments?.find((a) => a.contentType === CARD);
  assert.ok(attachment, `expected an Adaptive Card in ${JSON.stringify(event.message)}`);
  return attachment.content;
}

/** A log file's text from byte `offset` on. */
const readFrom = (path, offset = 0) => readFileSync(path).subarray(offset).toString("utf8");
const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * One bot + one Playground for one test file. `name` prefixes the log files; `botSettings` are extra
 * `--Key=Value` command-line settings for the bot, or a function of this E2E returning them (called at each
 * start, when `botPort` is known — e.g. for `--Bot:PublicUrl`).
 */
export class E2E {
  constructor(name, { botSettings = [], environment } = {}) {
    this.name = name;
    this.botSettings = botSettings;
    this.environment = environment; // e.g. "Development": then appsettings.Development.json applies and no flag is passed
    this.startedAt = Date.now();
    this.children = [];
    this.received = []; // every websocket event, in order
    this.waiters = new Set();
  }

  log(file) { return join(artifacts, `${this.name}-${file}`); }

  // -------------------------------------------------------------------------------------------
  // processes

  /** Starts a command in its own process group with stdout+stderr written to a log file. */
  spawn(label, command, args, options) {
    const logPath = this.log(`${label}.log`);
    const fd = openSync(logPath, "a");
    const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", fd, fd] });
    closeSync(fd);
    running.add(child.pid);
    const entry = { name: `${this.name} ${label}`, child, logPath, exited: null };
    entry.done = new Promise((resolve) => {
      child.on("exit", (code, signal) => { entry.exited = { code, signal }; resolve(); });
      child.on("error", (error) => { entry.exited = { error }; resolve(); });
    });
    this.children.push(entry);
    return entry;
  }

  /** SIGTERM to the whole process group, SIGKILL to whatever is left after a bounded wait. */
  async stopProcess(entry) {
    const signal = (sig) => { try { process.kill(-entry.child.pid, sig); } catch { /* already gone */ } };
    if (!entry.exited) {
      signal("SIGTERM");
      let timer;
      await Promise.race([entry.done, new Promise((r) => { timer = setTimeout(r, STOP_TIMEOUT_MS); })]);
      clearTimeout(timer);
    }
    signal("SIGKILL"); // e.g. a grandchild that ignored SIGTERM
    running.delete(entry.child.pid);
    this.children = this.children.filter((e) => e !== entry);
  }

  /** Polls `probe` until it returns a truthy value, the process dies, or the time runs out. */
  async until(what, entry, probe, timeoutMs = STARTUP_TIMEOUT_MS) {
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

  /** Starts the bot on `this.botPort` with `this.dbPath`, and waits for GET /health → 200. */
  async startBot() {
    // The Playground sends no token: outside Development the bot must be told, explicitly, to run anonymous (it
    // refuses to start otherwise).
    const anonymous = this.environment === "Development" ? [] : ["--Bot:AllowAnonymous=true"];
    const environment = this.environment ? { ASPNETCORE_ENVIRONMENT: this.environment } : {};
    const bot = this.spawn("bot", "dotnet",
      [botDll, `--Urls=http://127.0.0.1:${this.botPort}`, `--Storage:LiteDb:Path=${this.dbPath}`, ...anonymous, ...(typeof this.botSettings === "function" ? this.botSettings(this) : this.botSettings)],
      { cwd: dirname(botDll), env: { ...process.env, DOTNET_NOLOGO: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1", ...environment } });
    await this.until(`the bot's GET /health → 200 on :${this.botPort}`, bot,
      async () => (await fetch(`http://127.0.0.1:${this.botPort}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })).status === 200);
    this.bot = bot;
    return bot;
  }

  async stopBot() {
    if (this.bot) await this.stopProcess(this.bot);
    this.bot = undefined;
  }

  /** True when the bot's log, after `offset`, says its port was taken. */
  portTaken(offset = 0) {
    return /address already in use/i.test(readFrom(this.log("bot.log"), offset));
  }

  /**
   * Stops the bot and starts it again on the same database and, so that the Playground (whose endpoint
   * is fixed at its start) reaches it, the same port. Should another process have taken the port
   * meanwhile, the bot gets a new one and the Playground is restarted with it (conversation ids come
   * from the yml, so they stay). Returns { ms, oldPid, newPid, samePort }.
   */
  async restartBot() {
    const at = Date.now();
    const oldPid = this.bot.child.pid;
    await this.stopBot();
    const offset = statSync(this.log("bot.log")).size;
    writeFileSync(this.log("bot.log"), `\n===== restarted on the same database at ${new Date().toISOString()} =====\n`, { flag: "a" });
    let samePort = true;
    try {
      await this.startBot();
    } catch (e) {
      if (!this.portTaken(offset)) throw e;
      await this.stopProcess(this.children.at(-1));
      samePort = false;
      this.botPort = await freePort();
      await this.startBot();
      this.socket.terminate();
      await this.stopProcess(this.playground);
      await this.startPlayground();
      await this.connect();
    }
    return { ms: Date.now() - at, oldPid, newPid: this.bot.child.pid, samePort };
  }

  /** Starts the bot, the Playground and the websocket; `this.config` is the Playground's configuration. */
  async start() {
    mkdirSync(artifacts, { recursive: true });
    for (const file of ["bot.log", "playground.log", "playground-activities.log"]) rmSync(this.log(file), { force: true });
    assert.ok(existsSync(botDll),
      `The bot is not built: ${botDll} is missing. Build it first: dotnet build src/OpinionBot -c Release ` +
      `(README's test command does), or point OPINIONBOT_DLL at OpinionBot.dll.`);
    this.tempDir = mkdtempSync(join(tmpdir(), `opinionbot-e2e-${this.name}-`));
    tempDirs.add(this.tempDir);
    this.dbPath = join(this.tempDir, "e2e.db");

    // Another test file may take the same "free" port between freePort() and the bot's bind: retry.
    for (let attempt = 1; ; attempt++) {
      this.botPort = await freePort();
      try { await this.startBot(); break; } catch (e) {
        if (!this.portTaken() || attempt === 3) throw e;
        await this.stopProcess(this.children.at(-1));
      }
    }
    await this.startPlayground();
    await this.connect();
    console.log(`[${this.name}] bot on :${this.botPort}, Playground on :${this.playgroundPort}, ready after ${elapsed(this.startedAt)}`);
  }

  async startPlayground() {
    // The Playground opens a browser with xdg-open and exits when that fails: give it a no-op one.
    const bin = join(this.tempDir, "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "xdg-open"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    const cli = join(root, "node_modules", ".bin", "agentsplayground");
    assert.ok(existsSync(cli), `${cli} is missing: run npm ci at the repository root`);
    this.playgroundPort = await freePort();
    const offset = existsSync(this.log("playground.log")) ? statSync(this.log("playground.log")).size : 0; // after a restart
    const playground = this.spawn("playground", cli,
      ["-e", `http://127.0.0.1:${this.botPort}/api/messages`, "-c", "msteams", "--dt", "-p", String(this.playgroundPort)],
      {
        cwd: here, // it reads .m365agentsplayground.yml from here
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          BROWSER: "none",
          // Its own activity log (every request and response), otherwise ./devTools/ under tests/e2e.
          M365_AGENTS_PLAYGROUND_LOGFILE: this.log("playground-activities.log"),
        },
      });
    this.playground = playground;
    this.config = await this.until("the Playground's GET /_internal/v1/config", playground, async () => {
      // It takes a random port when the asked one is taken meanwhile; it prints the one it got.
      const listening = /Listening on (\d+)/.exec(readFrom(playground.logPath, offset));
      if (!listening) return undefined;
      this.playgroundPort = Number(listening[1]);
      const res = await fetch(this.api("/_internal/v1/config"), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      return res.ok ? (await res.json()).config : undefined;
    });
    assert.equal(this.config.bot.name, "OpinionBot", "tests/e2e/.m365agentsplayground.yml was not loaded (wrong cwd?)");
  }

  async connect() {
    this.socket = new WebSocket(`ws://127.0.0.1:${this.playgroundPort}/_ws_conversation/v1/conversations/stream`);
    this.socket.on("message", (data) => {
      let event;
      try { event = JSON.parse(data.toString()); } catch { return; }
      this.received.push(event);
      for (const w of [...this.waiters]) if (w.match(event)) w.resolve(event);
    });
    await new Promise((resolve, reject) => { this.socket.once("open", resolve); this.socket.once("error", reject); });
  }

  async stop() {
    this.socket?.terminate();
    for (const entry of [...this.children].reverse()) await this.stopProcess(entry);
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
    tempDirs.delete(this.tempDir);
    console.log(`[${this.name}] e2e took ${elapsed(this.startedAt)} in all`);
  }

  // -------------------------------------------------------------------------------------------
  // talking to the Playground

  api(path) { return `http://127.0.0.1:${this.playgroundPort}${path}`; }

  /** Where the next event will land in `received`: pass it to nextEvent to ignore older events. */
  mark() { return this.received.length; }

  /** Resolves with the first websocket event (from index `from` on, received or still to come) matching `match`. */
  nextEvent(description, match, { timeoutMs = MESSAGE_TIMEOUT_MS, from = 0 } = {}) {
    const seen = this.received.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (e) => { clearTimeout(timer); this.waiters.delete(waiter); resolve(e); } };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const summary = this.received.map((e) => `${e.action} ${e.actionConversationId} from ${e.message?.from?.id}`).join("\n  ");
        reject(new Error(`no ${description} within ${timeoutMs / 1000} s. Websocket events so far:\n  ${summary || "(none)"}\n` +
          `See ${this.log("bot.log")} and ${this.log("playground.log")}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The next message from the bot with an Adaptive Card in `conversationId`, after `from`. */
  botCard(conversationId, { from = 0, contains, timeoutMs } = {}) {
    return this.nextEvent(`bot message with an Adaptive Card${contains ? ` containing "${contains}"` : ""} in ${conversationId}`, (e) =>
      e.action === "createMessage" &&
      e.actionConversationId === conversationId &&
      e.message?.from?.id === this.config.bot.id &&
      e.message.attachments?.some((a) => a.contentType === CARD) &&
      (!contains || JSON.stringify(e.message.attachments).includes(contains)), { from, timeoutMs });
  }

  /** A message body; with `mention` it @mentions the bot as Teams does (`<at>Name</at>` + a mention entity). */
  message(text, { mention = false, from = this.config.currentUser.id } = {}) {
    if (!mention) return { from: { id: from }, text, textFormat: "plain" };
    const at = `<at>${this.config.bot.name}</at>`;
    return {
      from: { id: from },
      text: `${at} ${text}`,
      textFormat: "plain",
      mentions: [{ mentioned: { id: this.config.bot.id }, text: at }],
    };
  }

  /**
   * Posts a message through the Playground's conversation API (it is always from the current user)
   * and returns its JSON answer. `body` is a string (plain text) or a full message body.
   */
  async post(conversationId, body, options) {
    if (typeof body === "string") body = this.message(body, options);
    const res = await fetch(this.api(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`), {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
      signal: AbortSignal.timeout(MESSAGE_TIMEOUT_MS),
    });
    const text = await res.text();
    assert.equal(res.status, 200, `POST …/${conversationId}/messages → ${res.status} ${text}`);
    return JSON.parse(text);
  }

  /**
   * Presses an Action.Execute button of the card in message `replyToId`, as `from`, like the web client
   * does; returns the Playground's answer: the bot's invoke response as `{type, value}`.
   */
  async invoke({ conversationId, replyToId, verb, data, from = this.config.currentUser.id }) {
    const body = {
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
      from: { id: from },
      conversation: { id: conversationId },
      replyToId,
    };
    const res = await fetch(this.api("/_conversation/v1/invoke"), {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
      signal: AbortSignal.timeout(MESSAGE_TIMEOUT_MS),
    });
    const text = await res.text();
    assert.equal(res.status, 200, `POST /_conversation/v1/invoke (${verb}) → ${res.status} ${text}`);
    return JSON.parse(text);
  }

  /**
   * Posts a message straight to the bot's /api/messages as Teams would (anonymous mode), from any configured user —
   * the Playground only posts as its current user. The bot answers through the Playground's connector, so its
   * reply shows on the websocket. In a group chat or channel the bot is @mentioned.
   */
  async postToBotAs(userId, conversationId, text, { conversationType = "groupChat", locale = "zh-CN" } = {}) {
    const user = [this.config.currentUser, ...this.config.users].find((u) => u.id === userId) ?? { id: userId, name: userId };
    const bot = this.config.bot;
    const at = `<at>${bot.name}</at>`;
    const shared = conversationType !== "personal";
    const activity = {
      type: "message", id: `e2e-${Date.now()}-${Math.random().toString(16).slice(2)}`, timestamp: new Date().toISOString(),
      serviceUrl: this.api("/_connector"), channelId: "msteams", locale,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: bot.id, name: bot.name },
      conversation: { id: conversationId, conversationType, tenantId: this.config.tenantId, isGroup: shared },
      channelData: { tenant: { id: this.config.tenantId } },
      text: shared ? `${at} ${text}` : text, textFormat: "plain",
      entities: shared ? [{ type: "mention", mentioned: { id: bot.id, name: bot.name }, text: at }] : [],
    };
    const res = await fetch(`http://127.0.0.1:${this.botPort}/api/messages`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity),
      signal: AbortSignal.timeout(MESSAGE_TIMEOUT_MS),
    });
    assert.ok(res.status >= 200 && res.status < 300, `POST /api/messages as ${userId} → ${res.status} ${await res.text()}`);
    return activity;
  }

  /** The next message from the bot in `conversationId` (card or text) whose JSON contains `contains`, after `from`. */
  botMessage(conversationId, { from = 0, contains, timeoutMs } = {}) {
    return this.nextEvent(`bot message${contains ? ` containing "${contains}"` : ""} in ${conversationId}`, (e) =>
      e.action === "createMessage" &&
      e.actionConversationId === conversationId &&
      e.message?.from?.id === this.config.bot.id &&
      (!contains || JSON.stringify(e.message).includes(contains)), { from, timeoutMs });
  }

  // -------------------------------------------------------------------------------------------
  // the web client

  /** Opens the Playground's web client in headless Chromium, Chinese-capable; returns { browser, page }. */
  async openWebClient() {
    assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1500 }, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(this.api("/"), { waitUntil: "domcontentloaded" });
      // Han characters take the Simplified Chinese glyphs of Noto CJK only when the page says zh.
      await page.evaluate(() => { document.documentElement.lang = "zh-CN"; });
      return { browser, page };
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** Opens a chat by its name (a chat shows only messages that arrive after it has been opened). */
  async openChat(page, name) {
    const chat = page.getByRole("treeitem", { name });
    await chat.waitFor({ timeout: MESSAGE_TIMEOUT_MS });
    await chat.click();
  }

  /** Types `text` into the open chat's compose box and presses Enter. */
  async type(page, text) {
    const compose = page.locator("[contenteditable=true]").first();
    await compose.click();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }
}

/** The organisation the Playground's users (.m365agentsplayground.yml) form in the e2e tests, as bot settings. */
export const PLAYGROUND_ROSTER = {
  "Organization:TimeZone": "Asia/Shanghai",
  "Organization:Units:0:Id": "propaganda",
  "Organization:Units:0:Name": "宣传部",
  "Organization:Units:0:Officers:0": "li.na@contoso.example",
  "Organization:Units:0:SupervisingLeaders:0": "wang.qiang@contoso.example",
  "Organization:Units:0:PrincipalLeaders:0": "zhao.min@contoso.example",
  "Organization:Units:1:Id": "education",
  "Organization:Units:1:Name": "教育局",
  "Organization:Units:1:Officers:0": "meganb@contoso.example",
  "Organization:Units:1:SupervisingLeaders:0": "wang.qiang@contoso.example",
  "Organization:Office:Members:0": "chen.jie@contoso.example",
  "Organization:Office:ConversationId": "channel-briefings",
  "Organization:LeadingGroupHead": "liu.yang@contoso.example",
  "Organization:Admins:0": "chen.jie@contoso.example",
  // Names for cards that mention someone the bot has not met (a roster written in emails gives it no name).
  "Organization:People:0:Id": "wang.qiang@contoso.example",
  "Organization:People:0:Name": "Wang Qiang",
  "Organization:People:1:Id": "zhao.min@contoso.example",
  "Organization:People:1:Name": "Zhao Min",
};

/** The date parts of `at` in Asia/Shanghai, the organisation's zone: year … second, `date` (yyyy-MM-dd), `time` (HH:mm). */
export function shanghai(at) {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(at).map((x) => [x.type, x.value]));
  return { ...p, date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Settings as the bot's `--Key=Value` command-line arguments. */
export const asArgs = (settings) => Object.entries(settings).map(([k, v]) => `--${k}=${v}`);
