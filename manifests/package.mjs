#!/usr/bin/env node
// Builds the Teams app package (README, "Deploy to Teams" → "Package and upload the app"): fills the Azure Bot's app
// id (as the app id and the bot id), the version and the valid domains into manifests/manifest.json, validates the
// result against the Teams manifest schema, and zips it with its icons and translations into artifacts/OpinionBot.zip.
//
//   npm run package -- --app-id <guid> [--version 1.0.1] [--domain bot.example.com]... [--settings appsettings.Production.json] [--out file.zip]
//
// Each value may instead come from the environment — Bot__MicrosoftAppId (the service's own setting),
// OPINIONBOT_APP_VERSION, OPINIONBOT_DOMAINS (comma-separated) — or, for the app id, from a settings file's
// Bot:MicrosoftAppId. Needs `npm ci` (it validates with @microsoft/app-manifest).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { zip } from "./zip.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$/i;

class PackageError extends Error {}

/** The package's inputs from the command line, the environment and a settings file, in that order of precedence. */
export function readInputs(argv = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      "app-id": { type: "string" },
      version: { type: "string" },
      domain: { type: "string", multiple: true },
      settings: { type: "string" },
      out: { type: "string" },
    },
  });
  const settings = values.settings ? JSON.parse(readFileSync(resolve(values.settings), "utf8")) : {};
  const fromEnv = (name) => env[name]?.trim() || undefined;
  const appId = (values["app-id"] ?? fromEnv("Bot__MicrosoftAppId") ?? settings.Bot?.MicrosoftAppId ?? "").trim();
  const domains = values.domain ?? (fromEnv("OPINIONBOT_DOMAINS") ?? "").split(",").map((d) => d.trim()).filter(Boolean);
  return {
    appId,
    version: (values.version ?? fromEnv("OPINIONBOT_APP_VERSION") ?? "").trim() || undefined,
    domains,
    out: resolve(values.out ?? join(root, "artifacts", "OpinionBot.zip")),
  };
}

/** The filled-in manifest; throws a PackageError naming each bad input. */
export function fillManifest(manifest, { appId, version, domains }) {
  const problems = [];
  if (!GUID.test(appId)) problems.push(appId ? `the app id '${appId}' is not a GUID` : "no app id: give --app-id, Bot__MicrosoftAppId or --settings");
  if (version && !SEMVER.test(version)) problems.push(`the version '${version}' is not major.minor.patch`);
  for (const domain of domains) if (!DOMAIN.test(domain)) problems.push(`'${domain}' is not a domain name (no scheme, no path)`);
  if (problems.length) throw new PackageError(problems.join("; "));
  const filled = structuredClone(manifest);
  filled.id = appId.toLowerCase();
  filled.bots[0].botId = appId.toLowerCase();
  if (version) filled.version = version;
  filled.validDomains = [...new Set(domains.map((d) => d.toLowerCase()))];
  return filled;
}

/** Validates the filled manifest and writes the zip; returns the list of files packed. */
export async function buildPackage(inputs) {
  const manifest = fillManifest(JSON.parse(readFileSync(join(here, "manifest.json"), "utf8")), inputs);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  if (errors.length) throw new PackageError(`the manifest does not validate against its schema:\n  ${errors.join("\n  ")}`);
  const files = [
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8") },
    ...[manifest.icons.color, manifest.icons.outline, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)]
      .map((name) => ({ name, data: readFileSync(join(here, name)) })),
  ];
  mkdirSync(dirname(inputs.out), { recursive: true });
  writeFileSync(inputs.out, zip(files));
  return { manifest, files: files.map((f) => f.name) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const inputs = readInputs();
    const { manifest, files } = await buildPackage(inputs);
    console.log(`Wrote ${inputs.out}: ${files.join(", ")}`);
    console.log(`App and bot id ${manifest.id}, version ${manifest.version}, valid domains [${manifest.validDomains.join(", ")}]`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`Cannot package the Teams app: ${error.message}`);
    process.exit(1);
  }
}
