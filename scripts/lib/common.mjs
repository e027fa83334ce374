// Shared steps for `npm start` and `npm test`. Written for plain Node (no
// dependencies): they run before the dependencies may be installed, and possibly
// on the system's Node 20 (wrangler itself gets Node 22 from node_modules/.bin).
import { spawn, spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync, appendFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(root, "node_modules", ".bin");

/** Environment for every child: Node 22 first, and nothing that phones home. */
export const childEnv = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
  NEXT_TELEMETRY_DISABLED: "1",
  WRANGLER_SEND_METRICS: "false",
  CHECKPOINT_DISABLE: "1",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

export function step(title) {
  console.log(`\n\x1b[1m▶ ${title}\x1b[0m`);
}

/** Runs a command to completion, inheriting the terminal; exits the script on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...childEnv, ...options.env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

export function runQuiet(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...childEnv, ...options.env } });
}

export function start(command, args, options = {}) {
  return spawn(command, args, { cwd: root, stdio: options.stdio ?? "inherit", env: { ...childEnv, ...options.env } });
}

// Written after a successful install: what package.json and package-lock.json held then.
const installStamp = path.join(root, "node_modules", ".atelier-install");

function dependencyManifestHash() {
  const hash = createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) hash.update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

/**
 * `npm ci` when node_modules was not installed from the current package.json and lockfile.
 * npm ci installs exactly the lockfile and never rewrites it, so a fresh clone stays clean
 * and builds from the same packages as everyone else (an `npm install` here once added
 * 551 lockfile lines, and with them a 1.7 MB wasm that pushed the worker over budget).
 * It empties node_modules first, so it runs only when the manifests changed: compared by
 * content, because a checkout or a `touch` changes mtimes without changing what to install.
 */
export function ensureDependencies() {
  const wanted = dependencyManifestHash();
  const installed = existsSync(installStamp) ? readFileSync(installStamp, "utf8").trim() : "";
  if (installed === wanted && existsSync(path.join(bin, "wrangler"))) return;
  step("Installing dependencies from the lockfile (npm ci)");
  // --loglevel=error: the system Node 20 makes npm warn about every Node 22 package.
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  writeFileSync(installStamp, `${wanted}\n`);
}

function readEnvFile(file) {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
}

/**
 * Local secrets, generated once and never committed: `.dev.vars` for the worker,
 * `.env.local` for `next dev` (which does not put .dev.vars into process.env).
 */
/**
 * A VAPID key pair for Web Push (RFC 8292), as lib/notifications/push.ts reads it:
 * the public key as the 65-byte uncompressed point, the private key as its
 * scalar, both base64url. Production sets its own with `wrangler secret put`.
 */
export function vapidKeys() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const jwk = privateKey.export({ format: "jwk" });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, "base64url"), Buffer.from(jwk.y, "base64url")]);
  return { VAPID_PUBLIC_KEY: point.toString("base64url"), VAPID_PRIVATE_KEY: jwk.d, VAPID_SUBJECT: "mailto:maintenance@atelier.local" };
}

export function ensureLocalSecrets() {
  const devVars = path.join(root, ".dev.vars");
  const existing = readEnvFile(devVars);
  const wanted = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Lets local webhook tests reach a receiver on 127.0.0.1; never set in production.
    WEBHOOK_ALLOW_PRIVATE: "1",
    APP_ENV: "local",
    ...(existing.VAPID_PRIVATE_KEY ? {} : vapidKeys()),
  };
  const missing = Object.entries(wanted).filter(([key]) => !(key in existing));
  if (missing.length) {
    if (!existsSync(devVars)) writeFileSync(devVars, "# Local secrets for wrangler dev. Generated by scripts/lib/common.mjs; never commit.\n");
    appendFileSync(devVars, missing.map(([k, v]) => `${k}=${v}\n`).join(""));
    console.log(`Created local secrets in .dev.vars (${missing.map(([k]) => k).join(", ")}).`);
  }
  const secret = readEnvFile(devVars).AUTH_SECRET;
  const envLocal = path.join(root, ".env.local");
  if (!readEnvFile(envLocal).AUTH_SECRET) {
    appendFileSync(envLocal, `AUTH_SECRET=${secret}\n`);
  }
}

/** Prisma client and the Cloudflare binding types: generated, never committed. */
export function generateCode() {
  step("Generating the Prisma client and Cloudflare types");
  run("prisma", ["generate"]);
  run("next", ["typegen"]);
  run("wrangler", ["types", "cloudflare-env.d.ts", "--env-interface", "CloudflareEnv", "--include-main-module=false"]);
}

/** Applies the SQL migrations to a local D1 (the default one, or the one under persistTo). */
export function migrateLocal(persistTo) {
  const extra = persistTo ? ["--persist-to", persistTo] : [];
  run("wrangler", ["d1", "migrations", "apply", "DB", "--local", ...extra], { env: { CI: "1" } });
}

/** Seeds demo data into an empty local D1; a database with users is left alone. */
export function seedLocal(persistTo) {
  const extra = persistTo ? ["--persist-to", persistTo] : [];
  run("node", ["--import", "./scripts/lib/register-loader.mjs", "scripts/seed.mjs", ...extra]);
}

const buildInputs = ["app", "components", "lib", "cron", "prisma", "public"];
const buildFiles = ["next.config.ts", "open-next.config.ts", "worker.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "wrangler.jsonc"];

// Generated on every run from prisma/schema.prisma, which is itself an input.
const notInputs = new Set([path.join("lib", "generated")]);

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (notInputs.has(entry) || !existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds the worker unless .open-next is newer than every source file. */
export function buildWorker({ force = false } = {}) {
  const output = path.join(root, ".open-next", "worker.js");
  const sourcesChanged =
    !existsSync(output) ||
    Math.max(...[...buildInputs, ...buildFiles].map(newestMtime)) > statSync(output).mtimeMs;
  if (!force && !sourcesChanged) {
    console.log("Worker build is up to date (.open-next newer than the sources).");
    return;
  }
  step("Building the worker (opennextjs-cloudflare build)");
  run("opennextjs-cloudflare", ["build"]);
}

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}
