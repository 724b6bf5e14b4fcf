#!/usr/bin/env node
// Validates Adaptive Cards with the official `adaptivecards` renderer library (the same
// object model Teams' web client uses), targeting schema 1.5 (what Teams renders for bots).
//
// Usage: node tests/cards/validate-cards.mjs <file.json>
//   <file.json> holds [{"name": "...", "card": {...adaptive card JSON...}}, ...]
// Prints one JSON array to stdout: [{"name": ..., "warnings": [string...], "rendered": bool}]
// Exit code 0 when the cards were checked (warnings are data, not an exit status);
// 2 for usage or I/O errors.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const TARGET_VERSION = "1.5";

function usage(message) {
  process.stderr.write(`${message}\nusage: node tests/cards/validate-cards.mjs <file.json>\n` +
    `  file.json: [{"name": "...", "card": {...}}]\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) usage("expected exactly one argument");
let input;
try {
  input = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  usage(`cannot read ${file}: ${e.message}`);
}
if (!Array.isArray(input)) usage(`${file}: expected a JSON array of {name, card}`);

// --- a browser-like global environment for the UMD bundle -------------------------------
const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
const win = dom.window;
for (const key of Object.getOwnPropertyNames(win)) {
  if (key in globalThis) continue;
  try {
    Object.defineProperty(globalThis, key, Object.getOwnPropertyDescriptor(win, key));
  } catch { /* some properties are not copyable; fine */ }
}
if (globalThis.document !== win.document) throw new Error("jsdom globals not installed");

// The package's ESM `lib/` does not resolve in Node; its UMD bundle does.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");
const { AdaptiveCard, SerializationContext, SerializableObject, Version, Versions, ValidationEvent, HostConfig } = AC;

// Library chatter must never mix with the JSON result on stdout.
console.log = console.info = console.warn = console.debug = (...a) => process.stderr.write(a.join(" ") + "\n");
// Teams renders markdown; a trivial escaping processor keeps render() quiet and deterministic.
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  result.didProcess = true;
};

const target = Versions[`v${TARGET_VERSION.replace(".", "_")}`] ?? Version.parse(TARGET_VERSION);

// --- unknown-property detection ------------------------------------------------------------
// The library silently ignores properties it does not know. Record every (object, source)
// pair it parses, then compare the source's keys with the object's schema.
const parsed = [];
const origInternalParse = SerializableObject.prototype.internalParse;
SerializableObject.prototype.internalParse = function (source, context) {
  if (source && typeof source === "object" && !Array.isArray(source)) parsed.push([this, source]);
  return origInternalParse.call(this, source, context);
};
// Keys read by hand-written parse code rather than through the property schema.
const STRUCTURAL_KEYS = new Set(["type", "body", "items", "actions", "columns", "inlines", "card", "fallback", "pages", "rows", "cells"]);
// Teams' own extension on the root card (mentions, full width) — valid in Teams.
const ROOT_EXTENSION_KEYS = new Set(["msteams"]);

function schemaNames(obj) {
  const names = new Set();
  const schema = obj.getSchema();
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

function describe(obj) {
  const t = typeof obj.getJsonTypeName === "function" ? obj.getJsonTypeName() : undefined;
  const id = obj.id ? ` "${obj.id}"` : "";
  return `${t ?? obj.constructor?.name ?? "object"}${id}`;
}

function eventName(code) {
  return ValidationEvent?.[code] ?? String(code);
}

function validate(name, json) {
  const warnings = [];
  let rendered = false;
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    return { name, warnings: ["card is not a JSON object"], rendered };
  }
  if (json.type !== "AdaptiveCard") warnings.push(`root type must be "AdaptiveCard" (got ${JSON.stringify(json.type)})`);
  const v = Version.parse(json.version, new SerializationContext(target));
  if (typeof json.version !== "string") {
    warnings.push(`card version missing or not a string (Teams renders up to ${TARGET_VERSION})`);
  } else if (!v || !v.isValid) {
    warnings.push(`card version "${json.version}" is not a valid version`);
  } else if (v.compareTo(target) > 0) {
    warnings.push(`card version ${json.version} is newer than ${TARGET_VERSION}, the newest Teams renders for bots`);
  }

  try {
    const card = new AdaptiveCard();
    card.hostConfig = new HostConfig({ fontFamily: "Segoe UI, sans-serif" });
    const context = new SerializationContext(target);
    parsed.length = 0;
    card.parse(json, context);

    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      warnings.push(`parse ${eventName(e.event)}: ${e.message}`);
    }
    for (const [obj, source] of parsed) {
      const known = schemaNames(obj);
      for (const key of Object.keys(source)) {
        if (known.has(key) || STRUCTURAL_KEYS.has(key) || key.startsWith("$")) continue;
        if (obj === card && ROOT_EXTENSION_KEYS.has(key)) continue;
        warnings.push(`parse UnknownProperty: "${key}" is not a property of ${describe(obj)} in schema ${TARGET_VERSION}`);
      }
    }

    const report = card.validateProperties();
    for (const e of report.validationEvents) {
      warnings.push(`validate ${eventName(e.event)}: ${e.message}`);
    }

    const el = card.render();
    rendered = !!el && typeof el === "object" && el.nodeType === 1;
    if (!rendered) warnings.push("render() returned no element");
  } catch (e) {
    warnings.push(`exception: ${e?.message ?? e}`);
  }
  return { name, warnings: [...new Set(warnings)], rendered };
}

const results = input.map((entry, i) => {
  const name = entry && typeof entry.name === "string" ? entry.name : `#${i}`;
  return validate(name, entry?.card);
});
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
process.exit(0);
