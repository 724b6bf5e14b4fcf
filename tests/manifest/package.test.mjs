// The Teams app package built by manifests/package.mjs (npm run package): the ids, version and domains filled in,
// the zip readable with every file at its root, and the packed manifest and translations valid against the schemas.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, inflateRawSync } from "node:zlib";
import { AppManifestUtils } from "@microsoft/app-manifest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const script = join(root, "manifests", "package.mjs");
const APP_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

/** The entries of a zip, read through its central directory, each checked against its CRC. */
function unzip(path) {
  const buf = readFileSync(path);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, "no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, "central directory entry");
    const method = buf.readUInt16LE(at + 10), crc = buf.readUInt32LE(at + 16), size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(crc32(data), crc, `${name}: CRC`);
    files.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

function packageWith(args, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), "opinionbot-package-"));
  const out = join(dir, "OpinionBot.zip");
  const result = spawnSync(process.execPath, [script, ...args, "--out", out], {
    cwd: root, encoding: "utf8", env: { ...process.env, Bot__MicrosoftAppId: "", OPINIONBOT_DOMAINS: "", OPINIONBOT_APP_VERSION: "", ...env },
  });
  return { ...result, out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test("the package carries the app id as app and bot id, the version, the domains, the icons and the translations", async () => {
  const run = packageWith(["--app-id", APP_ID.toUpperCase(), "--version", "1.2.3", "--domain", "bot.contoso.example", "--domain", "*.contoso.example"]);
  try {
    assert.equal(run.status, 0, run.stderr);
    const files = unzip(run.out);
    assert.deepEqual([...files.keys()].sort(), ["color.png", "manifest.json", "outline.png", "zh-cn.json"]);
    const manifest = JSON.parse(files.get("manifest.json").toString("utf8"));
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0].botId, APP_ID);
    assert.equal(manifest.version, "1.2.3");
    assert.deepEqual(manifest.validDomains, ["bot.contoso.example", "*.contoso.example"]);
    assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest), []);
    assert.deepEqual(files.get("color.png"), readFileSync(join(root, "manifests", "color.png")));
    assert.deepEqual(JSON.parse(files.get("zh-cn.json")), JSON.parse(readFileSync(join(root, "manifests", "zh-cn.json"), "utf8")));
    // The source manifest keeps its placeholders.
    assert.notEqual(JSON.parse(readFileSync(join(root, "manifests", "manifest.json"), "utf8")).id, APP_ID);
  } finally { run.cleanup(); }
});

test("the app id and domains come from the service's own environment variable and OPINIONBOT_DOMAINS", () => {
  const run = packageWith([], { Bot__MicrosoftAppId: APP_ID, OPINIONBOT_DOMAINS: "bot.contoso.example, opinion.contoso.example" });
  try {
    assert.equal(run.status, 0, run.stderr);
    const manifest = JSON.parse(unzip(run.out).get("manifest.json"));
    assert.equal(manifest.bots[0].botId, APP_ID);
    assert.deepEqual(manifest.validDomains, ["bot.contoso.example", "opinion.contoso.example"]);
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  } finally { run.cleanup(); }
});

test("the app id can come from the deployment's settings file", () => {
  const dir = mkdtempSync(join(tmpdir(), "opinionbot-settings-"));
  try {
    const settings = join(dir, "appsettings.Production.json");
    writeFileSync(settings, JSON.stringify({ Bot: { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" } }));
    const run = packageWith(["--settings", settings]);
    try {
      assert.equal(run.status, 0, run.stderr);
      assert.equal(JSON.parse(unzip(run.out).get("manifest.json")).id, APP_ID);
    } finally { run.cleanup(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test("bad inputs are refused in one line and no package is written", () => {
  for (const [args, message] of [
    [[], /no app id/],
    [["--app-id", "my-bot"], /'my-bot' is not a GUID/],
    [["--app-id", APP_ID, "--version", "2"], /'2' is not major\.minor\.patch/],
    [["--app-id", APP_ID, "--domain", "https://bot.contoso.example/api"], /is not a domain name/],
  ]) {
    const run = packageWith(args);
    try {
      assert.equal(run.status, 1, `${args.join(" ")}: ${run.stdout}`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.throws(() => readFileSync(run.out), /ENOENT/);
    } finally { run.cleanup(); }
  }
});

test("npm run package writes artifacts/OpinionBot.zip", () => {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "--silent", "package", "--", "--app-id", APP_ID], { cwd: root, encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /artifacts[\\/]OpinionBot\.zip/);
  assert.equal(JSON.parse(unzip(join(root, "artifacts", "OpinionBot.zip")).get("manifest.json")).id, APP_ID);
});
