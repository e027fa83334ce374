import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { diffMigrationsAgainstSchema } from "../../scripts/lib/migration-diff.mjs";

describe("prisma/migrations", () => {
  it(
    "take an empty D1 exactly to prisma/schema.prisma",
    async () => {
      // Its own directory, so a concurrent `npm run db:migration` (which uses
      // .wrangler/migration-scratch) cannot wipe the database mid-diff.
      const persistDir = mkdtempSync(path.join(tmpdir(), "atelier-migrations-"));
      try {
        const sql = await diffMigrationsAgainstSchema({ persistDir });
        expect(
          sql,
          "prisma/schema.prisma differs from the result of applying prisma/migrations. " +
            "Run `npm run db:migration -- <name>` and commit the file. Missing SQL:\n\n" +
            sql,
        ).toBe("");
      } finally {
        rmSync(persistDir, { recursive: true, force: true });
      }
    },
    // Two wrangler runs and the schema engine: 150 s were seen at load 28 on two cores.
    300_000,
  );
});
