// The Teams app package: manifest and localization files against the schemas that
// @microsoft/app-manifest ships (offline), and the two icons Teams requires.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { AppManifestUtils } from "@microsoft/app-manifest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const manifestDir = join(root, "manifests");
const readJson = (p) => JSON.parse(readFileSync(p, "utf8"));
const manifest = readJson(join(manifestDir, "manifest.json"));

/** Width, height, bit depth, colour type and the unfiltered pixel rows of an 8-bit, non-interlaced PNG. */
function readPng(path) {
  const buf = readFileSync(path);
  assert.ok(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${path} is not a PNG`);
  assert.equal(buf.toString("latin1", 12, 16), "IHDR", `${path}: first chunk must be IHDR`);
  const width = buf.readUInt32BE(16), height = buf.readUInt32BE(20);
  const bitDepth = buf[24], colorType = buf[25], interlace = buf[28];
  const idat = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at), type = buf.toString("latin1", at + 4, at + 8);
    if (type === "IDAT") idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const pixels = () => {
    const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
    if (bitDepth !== 8 || interlace !== 0 || !channels) return undefined;
    const data = inflateSync(Buffer.concat(idat));
    const stride = width * channels, rows = [];
    let prior = Buffer.alloc(stride);
    for (let y = 0; y < height; y++) {
      const kind = data[y * (stride + 1)];
      const row = Buffer.from(data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
      for (let i = 0; i < stride; i++) {
        const a = i >= channels ? row[i - channels] : 0, b = prior[i], c = i >= channels ? prior[i - channels] : 0;
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][kind];
        row[i] = (row[i] + pred) & 255;
      }
      rows.push(row);
      prior = row;
    }
    return { channels, rows };
  };
  return { width, height, bitDepth, colorType, pixels };
}

/** The localization schema of the manifest's version, as shipped by @microsoft/app-manifest. */
function localizationSchema(manifestVersion) {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const path = join(pkg, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.Localization.schema.json");
  if (!existsSync(path)) return undefined;
  const schema = readJson(path);
  // The shipped schema has patterns such as `\[\b(...)\b]` whose lone `]` is invalid in the
  // unicode-mode regular expressions Ajv compiles; escape it (same meaning) so the schema loads.
  schema.patternProperties = Object.fromEntries(
    Object.entries(schema.patternProperties ?? {}).map(([k, v]) => [k.replace(/\\b\]/g, "\\b\\]"), v]));
  return schema;
}

test("manifest.json validates against its Teams schema", async () => {
  assert.match(manifest.$schema, /\/teams\/v\d+\.\d+\/MicrosoftTeams\.schema\.json$/);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  assert.deepEqual(errors, []);
});

test("the validator does catch a broken manifest", async () => {
  const broken = structuredClone(manifest);
  broken.bots[0].scopes.push("everywhere");
  broken.name.short = "x".repeat(31);
  const errors = await AppManifestUtils.validateAgainstSchema(broken);
  assert.ok(errors.length >= 2, JSON.stringify(errors));
});

test("bot: personal, team and group chat, files, the command list in every scope", () => {
  const [bot] = manifest.bots;
  assert.equal(bot.botId, manifest.id, "the bot id and the app id are the same Azure Bot app id");
  assert.deepEqual([...bot.scopes].sort(), ["groupChat", "personal", "team"]);
  assert.equal(bot.supportsFiles, true);
  const expected = ["help", "report", "my", "case", "update", "zero", "attach", "respond", "resolve", "review"];
  for (const scope of bot.scopes) {
    const lists = bot.commandLists.filter((l) => l.scopes.includes(scope));
    assert.equal(lists.length, 1, `one command list for ${scope}`);
    assert.ok(lists[0].commands.length <= 10, "Teams shows at most 10 commands per list");
    assert.deepEqual(lists[0].commands.map((c) => c.title), expected);
  }
});

test("every localization file validates and translates every command", async () => {
  const info = manifest.localizationInfo;
  assert.equal(info.defaultLanguageTag, "en-us");
  const languages = info.additionalLanguages.map((l) => l.languageTag);
  assert.ok(languages.includes("zh-cn"));
  const schema = localizationSchema(manifest.manifestVersion);
  assert.ok(schema, `@microsoft/app-manifest ships no localization schema for ${manifest.manifestVersion}`);
  for (const { languageTag, file } of info.additionalLanguages) {
    const path = join(manifestDir, file);
    assert.ok(existsSync(path), `${file} for ${languageTag} is missing`);
    const strings = readJson(path);
    assert.deepEqual(await AppManifestUtils.validateAgainstSchema(strings, schema), [], file);
    manifest.bots[0].commandLists.forEach((list, i) => list.commands.forEach((_, j) => {
      assert.ok(strings[`bots[0].commandLists[${i}].commands[${j}].title`], `${file}: title of command ${i}/${j}`);
      assert.ok(strings[`bots[0].commandLists[${i}].commands[${j}].description`], `${file}: description of command ${i}/${j}`);
    }));
  }
  // …and the patched schema still refuses a typo.
  assert.notDeepEqual(await AppManifestUtils.validateAgainstSchema({ "name.short": "x", "description.short": "x", "description.full": "x", "bots[0].commandLists[0].commands[0].titel": "x" }, schema), []);
});

test("color icon: 192×192 PNG", () => {
  const png = readPng(join(manifestDir, manifest.icons.color));
  assert.deepEqual([png.width, png.height], [192, 192]);
});

test("outline icon: 32×32 PNG, white on transparent", () => {
  const png = readPng(join(manifestDir, manifest.icons.outline));
  assert.deepEqual([png.width, png.height], [32, 32]);
  assert.ok(png.colorType === 4 || png.colorType === 6, "outline icon needs an alpha channel");
  const { channels, rows } = png.pixels();
  let opaque = 0;
  for (const row of rows) {
    for (let i = 0; i < row.length; i += channels) {
      const alpha = row[i + channels - 1];
      if (alpha === 0) continue;
      opaque++;
      for (let c = 0; c < channels - 1; c++) assert.equal(row[i + c], 255, "a visible outline pixel must be white");
    }
  }
  assert.ok(opaque > 0, "outline icon is empty");
});
