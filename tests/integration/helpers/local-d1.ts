import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { getPlatformProxy } from "wrangler";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrationsWithWrangler, ROOT } from "../../../scripts/lib/migration-diff.mjs";

export interface TestDatabase {
  db: Db;
  d1: D1Database;
  /** The local R2 bucket (binding MEDIA) of the same wrangler state. */
  media: R2Bucket;
  close(): Promise<void>;
}

/**
 * A real local D1 (miniflare's SQLite), migrated by wrangler exactly as
 * `npm start` migrates the developer's, in its own temporary directory.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const persistDir = mkdtempSync(path.join(tmpdir(), "atelier-it-"));
  applyMigrationsWithWrangler(persistDir);
  return openTestDatabase(persistDir);
}

/** The local D1 and R2 a wrangler command wrote under persistDir (its --persist-to), removed on close. */
export async function openTestDatabase(persistDir: string): Promise<TestDatabase> {
  const proxy = await getPlatformProxy<CloudflareEnv>({
    configPath: path.join(ROOT, "wrangler.jsonc"),
    persist: { path: path.join(persistDir, "v3") },
  });
  const db = createDb(proxy.env.DB);
  return {
    db,
    d1: proxy.env.DB,
    media: proxy.env.MEDIA,
    async close() {
      await db.$disconnect();
      await proxy.dispose();
      rmSync(persistDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh local D1 for the calling test file: created before its tests, closed
 * after them. Its fields are there from the first beforeAll on.
 */
export function freshDatabase(): TestDatabase {
  const holder = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(holder, await createTestDatabase());
  });
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}
