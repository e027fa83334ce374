import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { describe, expect, it } from "vitest";
import { listMigrations, MIGRATIONS_DIR, ROOT } from "../../scripts/lib/migration-diff.mjs";

// Statements of one migration file, in order (the generated SQL has no ';' inside literals).
function statements(file: string): string[] {
  return readFileSync(path.join(MIGRATIONS_DIR, file), "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

async function apply(d1: D1Database, file: string) {
  await d1.batch(statements(file).map((sql) => d1.prepare(sql)));
}

// Rows written with the first release's columns only: migrations are additive, so
// these inserts stay valid whatever came after.
const fixtures = [
  `INSERT INTO users (id, email, name, role, password_hash, active, created_at, updated_at) VALUES
    (1, 'sophie@usine.test', 'Sophie Tremblay', 'admin', 'pbkdf2_sha256$1$x$y', 1, '2025-11-12T09:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00'),
    (2, 'julie@usine.test', 'Julie Roy', 'technician', 'pbkdf2_sha256$1$x$y', 0, '2025-11-12T09:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00')`,
  `INSERT INTO machines (id, machine_type, model, serial_number, location, status, created_at, updated_at) VALUES
    (1, 'Presse hydraulique', 'Schuler 250T', 'SCH-1', 'Atelier A', 'operational', '2025-11-12T09:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00')`,
  `INSERT INTO tickets (id, ticket_id, title, description, machine_id, status, priority, reported_by, assigned_to, scheduled_date, created_at, updated_at) VALUES
    (1, 'TKT-M001-20251112-001', 'Fuite d''huile', 'Sous le vérin', 1, 'received', 'high', 2, 0, '2025-11-11T14:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00')`,
  `INSERT INTO ticket_comments (id, ticket_id, user_id, content, created_at, updated_at) VALUES
    (1, 1, 2, 'Vérifié sur place', '2025-11-12T10:00:00.000+00:00', '2025-11-12T10:00:00.000+00:00')`,
  `INSERT INTO webhook_notifications (id, ticket_id, notification_type, webhook_url, webhook_id, delivery_status, attempts, sent_at, response_status, created_at, updated_at) VALUES
    (1, 1, 'overdue_scheduled', 'https://connect.pabbly.com/x', 'msg_1', 'sent', 1, '2025-11-12T09:05:00.000+00:00', 200, '2025-11-12T09:05:00.000+00:00', '2025-11-12T09:05:00.000+00:00')`,
  `INSERT INTO settings (key, value, updated_at) VALUES ('timeZone', '"America/Toronto"', '2025-11-12T09:00:00.000+00:00')`,
];
const tables = ["users", "machines", "tickets", "ticket_comments", "webhook_notifications", "settings"];

async function snapshot(d1: D1Database) {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { results } = await d1.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
    out[table] = results;
  }
  return out;
}

describe("every migration after the first", () => {
  const later = listMigrations().slice(1);

  it.each(later)("%s keeps every existing row and value", async (migration) => {
    const persistDir = mkdtempSync(path.join(tmpdir(), "atelier-data-"));
    const proxy = await getPlatformProxy<CloudflareEnv>({
      configPath: path.join(ROOT, "wrangler.jsonc"),
      persist: { path: path.join(persistDir, "v3") },
    });
    try {
      const d1 = proxy.env.DB;
      const all = listMigrations();
      for (const file of all.slice(0, all.indexOf(migration))) await apply(d1, file);
      for (const sql of fixtures) await d1.prepare(sql).run();
      const before = await snapshot(d1);

      await apply(d1, migration);

      const after = await snapshot(d1);
      for (const table of tables) {
        expect(after[table], table).toHaveLength(before[table]!.length);
        // New columns may appear; every old column keeps its value.
        after[table]!.forEach((row, i) => expect(row, `${table} row ${i}`).toMatchObject(before[table]![i] as object));
      }
    } finally {
      await proxy.dispose();
      rmSync(persistDir, { recursive: true, force: true });
    }
  });
});
