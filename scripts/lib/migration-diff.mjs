// Computes the SQL that brings a database with every migration in prisma/migrations
// applied up to prisma/schema.prisma, the way `prisma migrate diff` would.
//
// Prisma's native schema engine cannot be downloaded here, so this drives the same
// engine compiled to wasm (@prisma/schema-engine-wasm) through the D1 driver adapter:
// the migrations are applied by wrangler itself to a throwaway local D1, and the
// engine introspects that live database. Diffing a real database, rather than a
// schema snapshot, keeps whatever hand edits the migrations contain in the picture.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PrismaD1 } from "@prisma/adapter-d1";
// The adapter's own dependency: the engine expects the factory wrapped by it
// (Result-shaped returns, JS errors kept in a registry).
import { bindSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { getPlatformProxy } from "wrangler";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
export const WRANGLER_CONFIG = path.join(ROOT, "wrangler.jsonc");
export const DEFAULT_PERSIST_DIR = path.join(ROOT, ".wrangler/migration-scratch");

const D1_BINDING = "DB";
// Tables Prisma does not model, so never dropped: wrangler's bookkeeping table, and
// the FTS5 search indexes of 0010_search_index.sql (virtual tables, which Prisma
// cannot describe, with the shadow tables FTS5 keeps them in).
const FTS_TABLES = ["tickets_fts", "machines_fts", "users_fts", "messages_fts"];
const FTS_SHADOWS = ["config", "content", "data", "docsize", "idx"];
const EXTERNAL_TABLES = ["d1_migrations", ...FTS_TABLES.flatMap((table) => [table, ...FTS_SHADOWS.map((shadow) => `${table}_${shadow}`)])];
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

// No telemetry and no download of the `cf` request object: this must run offline and in CI.
const quietEnv = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  CHECKPOINT_DISABLE: "1",
};
for (const [key, value] of Object.entries(quietEnv)) process.env[key] ??= value;

/** Migration file names in prisma/migrations, in the order wrangler applies them. */
export function listMigrations() {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => {
      if (!MIGRATION_FILE.test(name)) {
        throw new Error(`prisma/migrations/${name}: expected NNNN_snake_case_name.sql`);
      }
      return name;
    });
}

let enginePromise;

/** Instantiates the wasm engine once per process. */
function loadEngineModule() {
  enginePromise ??= (async () => {
    // The package's entry does `import "*.wasm"`, which Node only accepts behind
    // --experimental-wasm-modules; instantiating the bytes by hand avoids the flag.
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    // The engine's panic hook reports through this global before trapping.
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        this.message = message;
      },
    };
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": engineBindings,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return engineBindings;
  })();
  return enginePromise;
}

function withPanicMessage(error) {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  if (panic && error instanceof Error) error.message += `\nschema engine panic: ${panic}`;
  return error;
}

/**
 * Applies every migration to a local D1 persisted under persistDir, with
 * `wrangler d1 migrations apply`, exactly as `npm run db:migrate` does.
 */
export function applyMigrationsWithWrangler(persistDir) {
  if (listMigrations().length === 0) return;
  const wrangler = path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");
  // process.execPath: wrangler needs the Node 22 this process was started with.
  execFileSync(
    process.execPath,
    [wrangler, "d1", "migrations", "apply", D1_BINDING, "--local", "--persist-to", persistDir],
    { cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: ["ignore", "pipe", "pipe"] },
  );
}

/**
 * Diffs the live local D1 persisted under persistDir against prisma/schema.prisma.
 * Returns the migration script, or "" when the database already matches the schema.
 */
export async function diffDatabaseAgainstSchema({ persistDir, schemaPath = SCHEMA_PATH }) {
  const { SchemaEngine } = await loadEngineModule();
  // `wrangler --persist-to X` keeps its state in X/v3; getPlatformProxy takes that v3 path.
  const proxy = await getPlatformProxy({
    configPath: WRANGLER_CONFIG,
    persist: { path: path.join(persistDir, "v3") },
    remoteBindings: false,
  });
  let engine;
  try {
    const db = proxy.env[D1_BINDING];
    await assertMigrationsApplied(db);

    const files = [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
    engine = await SchemaEngine.new(
      { datamodels: undefined },
      () => {},
      bindSqlAdapterFactory(new PrismaD1(db)),
    );
    const { exitCode, stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      // Makes the engine report emptiness (exit code 2 = there is a difference)
      // instead of us parsing its "empty migration" comment.
      exitCode: true,
      filters: { externalTables: EXTERNAL_TABLES, externalEnums: [] },
    });
    return exitCode === 2 ? (stdout ?? "") : "";
  } catch (error) {
    throw withPanicMessage(error);
  } finally {
    engine?.free();
    await proxy.dispose();
  }
}

// Guards against getPlatformProxy opening a different (empty) database than the
// one wrangler migrated, which would silently turn every diff into a full init.
async function assertMigrationsApplied(db) {
  const expected = listMigrations();
  if (expected.length === 0) return;
  const { results } = await db
    .prepare("SELECT name FROM d1_migrations ORDER BY id")
    .all()
    .catch(() => ({ results: [] }));
  const applied = results.map((row) => row.name);
  if (applied.join("\n") !== expected.join("\n")) {
    throw new Error(
      `The scratch D1 does not hold the migrations wrangler applied.\n` +
        `expected: ${expected.join(", ")}\napplied: ${applied.join(", ") || "(none)"}`,
    );
  }
}

/**
 * Applies all migrations to a fresh scratch D1 in persistDir and diffs it against
 * prisma/schema.prisma. Returns the SQL of the missing migration ("" when in sync).
 * persistDir is wiped before and after.
 */
export async function diffMigrationsAgainstSchema({
  persistDir = DEFAULT_PERSIST_DIR,
  schemaPath = SCHEMA_PATH,
} = {}) {
  rmSync(persistDir, { recursive: true, force: true });
  try {
    applyMigrationsWithWrangler(persistDir);
    return await diffDatabaseAgainstSchema({ persistDir, schemaPath });
  } catch (error) {
    // execFileSync's message carries wrangler's stderr but not its stdout, which
    // says which migration was being applied.
    if (error.stdout?.length) error.message += `\n${error.stdout}`;
    throw error;
  } finally {
    rmSync(persistDir, { recursive: true, force: true });
  }
}
