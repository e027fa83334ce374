import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { describe, expect, it } from "vitest";
import { listMigrations, MIGRATIONS_DIR, ROOT } from "../../scripts/lib/migration-diff.mjs";

// Statements of one migration file, in order (the generated SQL has no ';' inside literals;
// a trigger's BEGIN ... END body holds its own ';' and stays one statement).
function statements(file: string): string[] {
  const pieces = readFileSync(path.join(MIGRATIONS_DIR, file), "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let statement = pieces[i]!;
    if (/^CREATE TRIGGER/i.test(statement)) while (pieces[i] !== "END" && i + 1 < pieces.length) statement += `;\n${pieces[++i]}`;
    out.push(statement);
  }
  return out;
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
  // The old system's chat: team messages (no recipient), a private pair both ways, a voice note.
  `INSERT INTO messages (id, sender_id, recipient_id, content, audio_key, audio_duration, read_at, created_at) VALUES
    (1, 1, NULL, 'La presse 4 est repartie', NULL, NULL, NULL, '2025-11-12T09:10:00.000+00:00'),
    (2, 2, 1, 'Tu peux passer ?', NULL, NULL, '2025-11-12T09:12:00.000+00:00', '2025-11-12T09:11:00.000+00:00'),
    (3, 1, 2, '', 'audio/old-3.webm', 20, NULL, '2025-11-12T09:13:00.000+00:00')`,
];
const tables = ["users", "machines", "tickets", "ticket_comments", "webhook_notifications", "settings", "messages"];

async function snapshot(d1: D1Database) {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { results } = await d1.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
    out[table] = results;
  }
  return out;
}

/** A fresh D1 with every migration before `upTo`, the fixtures, then `upTo`; `before` sees it just before `upTo`. */
async function migrated(upTo: string, run: (d1: D1Database) => Promise<void>, before?: (d1: D1Database) => Promise<void>) {
  const persistDir = mkdtempSync(path.join(tmpdir(), "atelier-data-"));
  const proxy = await getPlatformProxy<CloudflareEnv>({
    configPath: path.join(ROOT, "wrangler.jsonc"),
    persist: { path: path.join(persistDir, "v3") },
  });
  try {
    const d1 = proxy.env.DB;
    const all = listMigrations();
    for (const file of all.slice(0, all.indexOf(upTo))) await apply(d1, file);
    for (const sql of fixtures) await d1.prepare(sql).run();
    await before?.(d1);
    await apply(d1, upTo);
    await run(d1);
  } finally {
    await proxy.dispose();
    rmSync(persistDir, { recursive: true, force: true });
  }
}

/** The rowids a search index finds for `words` (FTS5 MATCH syntax). */
async function ftsMatch(d1: D1Database, table: string, words: string) {
  return (await d1.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).bind(words).all()).results.map((r) => r.id);
}

describe("the messaging migration", () => {
  it("puts the old messages in their conversations and counts the old history as read", async () => {
    await migrated("0006_messaging.sql", async (d1) => {
      const { results: messages } = await d1.prepare("SELECT id, conversation_key, client_id, deleted_at FROM messages ORDER BY id").all();
      expect(messages).toEqual([
        { id: 1, conversation_key: "team", client_id: null, deleted_at: null },
        { id: 2, conversation_key: "1-2", client_id: null, deleted_at: null },
        { id: 3, conversation_key: "1-2", client_id: null, deleted_at: null },
      ]);
      const { results: reads } = await d1
        .prepare("SELECT conversation_key, user_id, other_user_id, last_read_id FROM message_reads ORDER BY conversation_key, user_id")
        .all();
      expect(reads).toEqual([
        { conversation_key: "1-2", user_id: 1, other_user_id: 2, last_read_id: 3 },
        { conversation_key: "1-2", user_id: 2, other_user_id: 1, last_read_id: 3 },
        { conversation_key: "team", user_id: 1, other_user_id: null, last_read_id: 1 },
        { conversation_key: "team", user_id: 2, other_user_id: null, last_read_id: 1 },
      ]);
    });
  });
});

describe("the search migration", () => {
  it("indexes the rows already there: tickets with their comments, machines, people, messages", async () => {
    await migrated("0010_search_index.sql", async (d1) => {
      const match = (table: string, words: string) => ftsMatch(d1, table, words);
      // Accents and capitals folded on both sides: "vérin" found by "VERIN", "Vérifié" by "verifie".
      expect(await match("tickets_fts", '"VERIN"*')).toEqual([1]);
      expect(await match("tickets_fts", '"verifie"*')).toEqual([1]);
      expect(await match("tickets_fts", '"TKT"* "M001"*')).toEqual([1]);
      expect(await match("machines_fts", '"presse"* "sch"*')).toEqual([1]);
      expect(await match("users_fts", '"julie"*')).toEqual([2]);
      expect(await match("messages_fts", '"repartie"*')).toEqual([1]);
      // The triggers follow the rows written after the migration.
      await d1.prepare("UPDATE tickets SET title = 'Joint changé' WHERE id = 1").run();
      expect(await match("tickets_fts", '"fuite"*')).toEqual([]);
      expect(await match("tickets_fts", '"joint"* "change"*')).toEqual([1]);
    });
  });
});

describe("the search migration for voice notes' transcripts", () => {
  it("builds the two indexes again from the rows already there, transcripts included, and their triggers follow the rows", async () => {
    await migrated(
      "0024_search_voice_transcripts.sql",
      async (d1) => {
        const match = (table: string, words: string) => ftsMatch(d1, table, words);
        // What 0010 indexed is still found, and the transcripts written before are too.
        expect(await match("tickets_fts", '"VERIN"*')).toEqual([1]);
        expect(await match("tickets_fts", '"verifie"*')).toEqual([1]);
        expect(await match("tickets_fts", '"pompe"*')).toEqual([1]);
        expect(await match("messages_fts", '"repartie"*')).toEqual([1]);
        expect(await match("messages_fts", '"courroie"*')).toEqual([3]);
        // The triggers: a transcript corrected, a voice note removed, a ticket renamed, a comment added.
        await d1.prepare("UPDATE messages SET transcript = 'Le moteur chauffe' WHERE id = 3").run();
        expect(await match("messages_fts", '"courroie"*')).toEqual([]);
        expect(await match("messages_fts", '"moteur"*')).toEqual([3]);
        await d1.prepare("UPDATE media SET transcript = 'Filtre bouché' WHERE id = 1").run();
        expect(await match("tickets_fts", '"pompe"*')).toEqual([]);
        expect(await match("tickets_fts", '"filtre"*')).toEqual([1]);
        await d1.prepare("DELETE FROM media WHERE id = 1").run();
        expect(await match("tickets_fts", '"filtre"*')).toEqual([]);
        await d1.prepare("UPDATE tickets SET title = 'Joint changé' WHERE id = 1").run();
        expect(await match("tickets_fts", '"joint"* "change"*')).toEqual([1]);
        await d1.prepare("INSERT INTO ticket_comments (ticket_id, user_id, content, created_at, updated_at) VALUES (1, 1, 'Graissé', '2025-11-13T10:00:00.000+00:00', '2025-11-13T10:00:00.000+00:00')").run();
        expect(await match("tickets_fts", '"graisse"*')).toEqual([1]);
      },
      async (d1) => {
        // Written after 0023, before this file: a message's transcript and a ticket's voice note with its own.
        await d1.prepare("UPDATE messages SET transcript = 'La courroie glisse', transcript_status = 'done' WHERE id = 3").run();
        await d1
          .prepare(
            `INSERT INTO media (id, ticket_id, file_key, file_name, file_type, file_size, uploaded_by, created_at, duration, transcript, transcript_status)
             VALUES (1, 1, 'tickets/note.webm', 'note.webm', 'audio/webm', 10, 2, '2025-11-12T10:00:00.000+00:00', 4, 'Joint de la pompe', 'done')`,
          )
          .run();
      },
    );
  });
});

describe("the preventive plans migration", () => {
  it("leaves the existing tickets as reported problems, and accepts a plan and its ticket on them", async () => {
    await migrated("0012_preventive_plans.sql", async (d1) => {
      const { results } = await d1.prepare("SELECT id, plan_id, plan_due_at FROM tickets ORDER BY id").all();
      expect(results).toEqual([{ id: 1, plan_id: null, plan_due_at: null }]);
      await d1
        .prepare(
          `INSERT INTO maintenance_plans (id, machine_id, title, steps, assigned_to, recurrence, interval_count, start_date, time_of_day, created_by, created_at, updated_at)
           VALUES (1, 1, 'Graissage', '["Graisser"]', 0, 'weeks', 1, '2025-11-17', '08:00', 1, '2025-11-12T09:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00')`,
        )
        .run();
      const due = "2025-11-17T13:00:00.000+00:00";
      const ticket = `INSERT INTO tickets (ticket_id, title, machine_id, reported_by, plan_id, plan_due_at, created_at, updated_at)
                      VALUES (?, 'Graissage', 1, 1, 1, ?, ?, ?)`;
      await d1.prepare(ticket).bind("TKT-M001-20251117-001", due, due, due).run();
      // The same occurrence twice is refused by the index the cron's claim relies on.
      await expect(d1.prepare(ticket).bind("TKT-M001-20251117-002", due, due, due).run()).rejects.toThrow(/UNIQUE/);
    });
  });
});

describe("the board columns migration", () => {
  it("carries every ticket over: each status it held before is a column after, in the stage its rules had, and no ticket changes", async () => {
    const statuses = ["received", "diagnostic", "in_progress", "waiting_parts", "completed", "archived"];
    let before: unknown[] = [];
    await migrated(
      "0021_board_columns.sql",
      async (d1) => {
        const { results: after } = await d1.prepare("SELECT * FROM tickets ORDER BY id").all();
        expect(after).toEqual(before);
        const { results } = await d1
          .prepare("SELECT t.status, c.stage, c.protected, c.name_fr, c.deleted_at FROM tickets t JOIN board_columns c ON c.key = t.status ORDER BY t.id")
          .all();
        expect(results).toEqual([
          // The first release's ticket, then one in each status.
          { status: "received", stage: "new", protected: 1, name_fr: null, deleted_at: null },
          { status: "received", stage: "new", protected: 1, name_fr: null, deleted_at: null },
          { status: "diagnostic", stage: "new", protected: 0, name_fr: null, deleted_at: null },
          { status: "in_progress", stage: "in_work", protected: 0, name_fr: null, deleted_at: null },
          { status: "waiting_parts", stage: "waiting", protected: 0, name_fr: null, deleted_at: null },
          { status: "completed", stage: "done", protected: 1, name_fr: null, deleted_at: null },
          { status: "archived", stage: "archived", protected: 1, name_fr: null, deleted_at: null },
        ]);
        const { results: order } = await d1.prepare("SELECT key FROM board_columns ORDER BY position").all();
        expect(order.map((row) => row.key)).toEqual(statuses);
      },
      async (d1) => {
        for (const [i, status] of statuses.entries()) {
          await d1
            .prepare(
              `INSERT INTO tickets (ticket_id, title, machine_id, status, priority, reported_by, assigned_to, scheduled_date, completed_at, created_at, updated_at)
               VALUES (?, ?, 1, ?, 'medium', 2, 1, '2025-11-11T14:00:00.000+00:00', ?, '2025-11-12T09:00:00.000+00:00', '2025-11-12T09:00:00.000+00:00')`,
            )
            .bind(`TKT-M001-20251112-1${i}`, `Ticket ${status}`, status, status === "completed" ? "2025-11-12T12:00:00.000+00:00" : null)
            .run();
        }
        before = (await d1.prepare("SELECT * FROM tickets ORDER BY id").all()).results;
      },
    );
  });
});

describe("every migration after the first", () => {
  const later = listMigrations().slice(1);

  it.each(later)("%s keeps every existing row and value", async (migration) => {
    let before: Record<string, unknown[]> = {};
    await migrated(
      migration,
      async (d1) => {
        const after = await snapshot(d1);
        for (const table of tables) {
          expect(after[table], table).toHaveLength(before[table]!.length);
          // New columns may appear; every old column keeps its value.
          after[table]!.forEach((row, i) => expect(row, `${table} row ${i}`).toMatchObject(before[table]![i] as object));
        }
      },
      async (d1) => {
        before = await snapshot(d1);
      },
    );
  });
});

describe("the public address migration", () => {
  it("carries the address saved among the webhook settings over to the general setting, and leaves the old row for a rollback", async () => {
    await migrated(
      "0014_app_url_setting.sql",
      async (d1) => {
        const { results } = await d1.prepare("SELECT key, value, updated_by FROM settings WHERE key IN ('appUrl', 'webhook.appUrl') ORDER BY key").all();
        expect(results).toEqual([
          { key: "appUrl", value: '"https://atelier.usine.ca"', updated_by: 1 },
          { key: "webhook.appUrl", value: '"https://atelier.usine.ca"', updated_by: 1 },
        ]);
      },
      async (d1) => {
        await d1
          .prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('webhook.appUrl', '\"https://atelier.usine.ca\"', '2026-01-05T09:00:00.000+00:00', 1)")
          .run();
      },
    );
  });
});
