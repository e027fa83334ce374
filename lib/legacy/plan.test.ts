// The mapping from the old system's rows to Atelier's, on its sample export
// (tests/fixtures/igp-export-sample.sql) and on small exports made here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../accounts/password";
import type { LegacyExport, LegacyRow } from "./export";
import { planImport } from "./plan";
import { readExport } from "./read-export";
import { countOf, formatReport, type NoteCode } from "./report";
import type { ImportPlan } from "./rows";
import { closestStage } from "./work";

const now = new Date("2026-12-07T12:00:00.000Z");
const sample = readExport(readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/igp-export-sample.sql"), "utf8"));

/** An export of the given tables, each row keyed by column. */
function exportOf(tables: Record<string, LegacyRow[]>): LegacyExport {
  return { tables: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { columns: Object.keys(rows[0] ?? {}), rows }])) };
}

const note = (plan: ImportPlan, code: NoteCode) => [...plan.report.imported, ...plan.report.notImported].find((n) => n.code === code);
const ticket = (plan: ImportPlan, code: string) => plan.rows.tickets.find((t) => t.ticket_id === code)!;

describe("the sample export", () => {
  let plan: ImportPlan;
  beforeAll(async () => {
    plan = await planImport(sample, { now });
  });

  it("counts every kind it carries, per table of the old system", () => {
    const counts = Object.fromEntries(plan.report.counts.map((c) => [c.table, [c.found, c.imported]]));
    expect(counts).toMatchObject({
      users: [9, 8],
      machines: [12, 12],
      tickets: [40, 40],
      ticket_timeline: [54, 54],
      ticket_comments: [21, 21],
      media: [3, 3],
      messages: [3, 3],
      chat_conversations: [2, 1],
      chat_messages: [15, 15],
      webhook_notifications: [10, 10],
      push_subscriptions: [1, 0],
      planning_events: [1, 0],
    });
  });

  it("makes the 'Toute l'équipe' system user the whole-team assignee, not a person", () => {
    expect(plan.rows.users.map((u) => u.id)).not.toContain(0);
    expect(plan.rows.users.find((u) => u.email === "system.team@igpglass.ca")).toBeUndefined();
    expect(plan.rows.tickets.filter((t) => t.assigned_to === 0)).toHaveLength(6);
    expect(note(plan, "teamAssignee")?.count).toBe(6);
  });

  it("keeps e-mails, names, roles and v2 hashes, and wraps the legacy SHA-256 one", async () => {
    const admin = plan.rows.users.find((u) => u.email === "admin@atelier.demo")!;
    expect(admin).toMatchObject({ id: 1, name: "Sophie Tremblay", role: "admin", active: 1, name_key: "sophie tremblay" });
    expect(admin.password_hash).toMatch(/^v2:/);
    const gilles = plan.rows.users.find((u) => u.email === "gilles.morin@atelier.demo")!;
    expect(gilles.password_hash).toMatch(/^pbkdf2_sha256_of_sha256_hex\$/);
    expect(gilles.password_hash).not.toContain("5f9d4306f779");
    await expect(verifyPassword("Ancien-Mot-2020", gilles.password_hash)).resolves.toBe(true);
  });

  it("keeps ticket ids, and the instants of the old UTC dates", () => {
    expect(ticket(plan, "TKT-M001-20261127-001")).toMatchObject({
      id: 1,
      status: "received",
      assigned_to: 0,
      scheduled_date: new Date("2026-12-04T06:00:00.000Z"),
      created_at: new Date("2026-11-27T20:12:59.000Z"),
    });
  });

  it("places the custom column's tickets in a stage that does not alert, and keeps the column's name in their timeline", () => {
    for (const code of ["TKT-M002-20261123-001", "TKT-M003-20261129-001"]) {
      const t = ticket(plan, code);
      expect(t.status).toBe("in_progress");
      expect(plan.rows.ticket_events.filter((e) => e.ticket_id === t.id && e.type === "legacy_column")).toEqual([
        expect.objectContaining({ from_value: "Contrôle qualité", to_value: "in_progress", actor_id: null }),
      ]);
    }
    expect(note(plan, "customColumn")).toMatchObject({ count: 2, values: { id: "quality_check", label: "Contrôle qualité", stage: "in_progress" } });
    expect(formatReport(plan.report, "fr")).toContain("Colonne personnalisée « Contrôle qualité » (quality_check) : 2 tickets placés dans « En cours »");
  });

  it("keeps the deleted ticket deleted", () => {
    expect(ticket(plan, "TKT-M006-20261124-001").deleted_at).toEqual(new Date("2026-11-25T10:00:00.000Z"));
  });

  it("adds the closing of each finished ticket at its completion date, for the reliability figures", () => {
    const done = ticket(plan, "TKT-M005-20261120-001");
    expect(plan.rows.ticket_events.filter((e) => e.ticket_id === done.id && e.type === "status")).toEqual([
      expect.objectContaining({ from_value: "in_progress", to_value: "completed", actor_id: 3, created_at: new Date("2026-11-22T20:12:59.000Z") }),
    ]);
    expect(note(plan, "closingsAdded")?.count).toBe(12);
  });

  it("links comments to their authors by name and turns the [audio:3] comment into the ticket's voice note", () => {
    expect(plan.rows.ticket_comments).toHaveLength(20);
    expect(plan.rows.ticket_comments.every((c) => c.author_name === null)).toBe(true);
    expect(plan.rows.ticket_comments.find((c) => c.id === 4)?.user_id).toBe(2);
    expect(plan.rows.ticket_comments.find((c) => c.id === 1337)).toBeUndefined();
    expect(plan.rows.media.find((m) => m.id === 3)).toMatchObject({ ticket_id: 1, file_type: "audio/webm", file_key: "tickets/1/1733000000002-note.webm" });
    expect(note(plan, "voiceComments")?.count).toBe(1);
  });

  it("merges both messengers in time order: public and Général to the team channel, private to the pair", () => {
    const messages = plan.rows.messages;
    expect(messages.map((m) => m.id)).toEqual(messages.map((_, i) => i + 1));
    expect([...messages].sort((a, b) => a.created_at.getTime() - b.created_at.getTime())).toEqual(messages);
    expect(messages.filter((m) => m.conversation_key === "team")).toHaveLength(17);
    expect(messages.filter((m) => m.conversation_key === "2-3")).toEqual([expect.objectContaining({ sender_id: 3, recipient_id: 2 })]);
    expect(messages.find((m) => m.audio_key)).toMatchObject({ content: "", audio_key: "messages/audio/3/1732017600000.webm", audio_duration: 7, audio_size: 48000 });
  });

  it("keeps how far each person had read where the old system knew it", () => {
    const team = (user: number) => plan.rows.message_reads.find((r) => r.conversation_key === "team" && r.user_id === user)!.last_read_id;
    const general = plan.rows.messages.filter((m) => m.conversation_key === "team" && m.created_at >= new Date("2026-12-06T00:00:00Z"));
    // The admin joined "Général" and never read it; Marc read up to 21:02:46; Luc was never in it.
    expect(team(1)).toBe(general[0]!.id - 1);
    expect(team(2)).toBe(general.filter((m) => m.created_at <= new Date("2026-12-06T21:02:46Z")).at(-1)!.id);
    expect(team(4)).toBe(plan.rows.messages.filter((m) => m.conversation_key === "team").at(-1)!.id);
    // The private message was not read by its recipient (Marc, 2).
    expect(plan.rows.message_reads.filter((r) => r.conversation_key === "2-3")).toEqual([
      expect.objectContaining({ user_id: 2, other_user_id: 3, last_read_id: 0 }),
      expect.objectContaining({ user_id: 3, other_user_id: 2 }),
    ]);
  });

  it("imports the overdue record as sent notifications, each with its attempt", () => {
    expect(plan.rows.webhook_notifications).toHaveLength(10);
    expect(plan.rows.webhook_notifications.find((w) => w.id === 263)).toMatchObject({
      ticket_id: 40,
      delivery_status: "sent",
      sent_at: new Date("2026-12-06T20:20:18.170Z"),
      webhook_id: "msg_legacy_263",
    });
    expect(plan.rows.webhook_attempts).toHaveLength(10);
  });

  it("carries the webhook URL with alerts on, the time zone and the company's name", () => {
    const settings = Object.fromEntries(plan.rows.settings.map((s) => [s.key, JSON.parse(s.value)]));
    expect(settings).toEqual({
      "webhook.url": "https://connect.pabbly.com/workflow/sendwebhookdata/EXEMPLE",
      "webhook.enabled": true,
      timeZone: "America/Toronto",
      companyName: "Les Produits Verriers International (IGP) Inc.",
    });
  });

  it("says what does not carry over: push subscriptions, AI prompts, roles, planning events, sessions, other tables", () => {
    expect(note(plan, "pushSubscriptions")).toMatchObject({ count: 1, items: ["Julie Roy – Android Chrome"] });
    expect(note(plan, "planningEvents")).toMatchObject({ count: 1, items: ["2026-12-15 07:00 · Arrêt annuel ligne 2 — Inspection des convoyeurs"] });
    expect(note(plan, "aiPrompts")?.count).toBe(2);
    expect(note(plan, "rolesBeyondFour")?.count).toBe(14);
    expect(note(plan, "sessions")).toBeDefined();
    expect(note(plan, "aiConversations")).toMatchObject({ count: 1, items: ["Expert IA"] });
    expect(note(plan, "otherTables")?.items).toContain("audit_logs (4)");
    expect(formatReport(plan.report, "en")).toContain("1 push subscription: each phone must turn notifications on again");
  });
});

describe("a custom column's stage", () => {
  const board = ["received", "diagnostic", "in_progress", "quality_check", "waiting_parts", "invoiced", "completed", "billed"].map((id) => ({ id, label: id }));

  it("is the standard column before it on the plant's board", () => {
    expect(closestStage("quality_check", board)).toBe("in_progress");
    expect(closestStage("invoiced", board)).toBe("waiting_parts");
    expect(closestStage("billed", board)).toBe("completed");
  });

  it("is never one that alerts (received, diagnostic), nor unknown: in progress then", () => {
    expect(closestStage("triage", [{ id: "received", label: "" }, { id: "triage", label: "" }])).toBe("in_progress");
    expect(closestStage("nowhere", board)).toBe("in_progress");
  });
});

describe("rows whose people, tickets or machines are gone", () => {
  let plan: ImportPlan;
  beforeAll(async () => {
    plan = await planImport(
      exportOf({
        users: [
          { id: 1, email: "Julie.Roy@Usine.test", full_name: "Julie Roy", first_name: "Julie", role: "senior_technician", password_hash: "x", deleted_at: null },
          { id: 2, email: "marc@usine.test", full_name: "Marc Gagnon", first_name: "Marc", role: "director", password_hash: "x", deleted_at: "2026-01-01 00:00:00" },
          { id: 3, email: "autre.julie@usine.test", full_name: "Autre Julie", first_name: "Julie", role: "viewer", password_hash: "x", deleted_at: null },
          { id: 4, email: "julie.roy@usine.test", full_name: "Julie Roy bis", role: "technician", password_hash: "x", deleted_at: null },
          // A Cyrillic "о" in "Rоy": Julie Roy's name to the eye.
          { id: 5, email: "sosie@usine.test", full_name: "Julie R\u043Ey", role: "operator", password_hash: "x", deleted_at: null },
        ],
        machines: [{ id: 1, machine_type: "Presse", serial_number: "", status: "broken", deleted_at: null, manufacturer: "Schuler" }],
        tickets: [
          { id: 1, ticket_id: "PRE-1125-0001", title: "Fuite", machine_id: 1, status: "received", priority: "urgent", reported_by: 9, assigned_to: 2, created_at: "2025-11-03 08:00:00", is_machine_down: 1 },
          { id: 2, ticket_id: "PRE-1125-0002", title: "Bruit", machine_id: 7, status: "completed", priority: "low", reported_by: 1, assigned_to: null, created_at: "2025-11-04 08:00:00", completed_at: "2025-11-05 08:00:00" },
        ],
        ticket_timeline: [
          { id: 1, ticket_id: 2, user_id: 1, action: "Machine mise à l'arrêt", created_at: "2025-11-04 09:00:00" },
          { id: 2, ticket_id: 2, user_id: 1, action: "Machine remise en service", created_at: "2025-11-04 11:30:00" },
          { id: 3, ticket_id: 2, user_id: 1, action: "Mise à jour", comment: "Courroie changée", created_at: "2025-11-04 12:00:00" },
          { id: 4, ticket_id: 99, user_id: 1, action: "created", created_at: "2025-11-04 12:00:00" },
        ],
        ticket_comments: [
          { id: 1, ticket_id: 1, user_name: "Marc", comment: "Vu", created_at: "2025-11-03 09:00:00" },
          { id: 2, ticket_id: 1, user_name: "Julie", comment: "Deux Julie", created_at: "2025-11-03 10:00:00" },
          { id: 3, ticket_id: 1, user_name: "Pierre Ancien", comment: "Parti depuis", created_at: "2025-11-03 11:00:00" },
          { id: 4, ticket_id: 1, user_name: "Marc", comment: "🎤 A ajouté un message vocal\n[audio:8]", created_at: "2025-11-03 12:00:00" },
        ],
      }),
      { now },
    );
  });

  it("imports a deleted account deactivated, and drops an account whose address another has", () => {
    expect(plan.rows.users.filter((u) => u.email !== "ancien-systeme@atelier.invalid").map((u) => [u.email, u.role, u.active])).toEqual([
      ["julie.roy@usine.test", "technician", 1],
      ["marc@usine.test", "supervisor", 0],
      ["autre.julie@usine.test", "operator", 1],
      ["sosie@usine.test", "operator", 1],
    ]);
    expect(note(plan, "duplicateNames")?.items).toEqual(["Julie R\u043Ey <sosie@usine.test>"]);
    expect(note(plan, "duplicateEmails")?.count).toBe(1);
    expect(note(plan, "unknownPasswords")?.count).toBe(4);
    expect(plan.rows.users.find((u) => u.id === 1)!.password_hash).toBe("!");
  });

  it("hangs rows whose author or machine is gone on one deactivated stand-in each", () => {
    const standIn = plan.rows.users.find((u) => u.email === "ancien-systeme@atelier.invalid")!;
    expect(standIn).toMatchObject({ active: 0, name: "Ancien système", password_hash: "!" });
    expect(plan.rows.tickets[0]).toMatchObject({ reported_by: standIn.id, priority: "medium", assigned_to: 2 });
    expect(plan.rows.tickets[1]!.machine_id).not.toBe(1);
    expect(plan.rows.machines.find((m) => m.id === plan.rows.tickets[1]!.machine_id)?.machine_type).toBe("Machine de l’ancien système");
    expect(plan.rows.machines[0]).toMatchObject({ serial_number: null, status: "operational" });
    expect(note(plan, "machineFields")?.items).toEqual(["manufacturer (1)"]);
  });

  it("links a comment by first name only when one person has it, and keeps the written name otherwise", () => {
    const comments = plan.rows.ticket_comments;
    expect(comments.find((c) => c.id === 1)).toMatchObject({ user_id: 2, author_name: null });
    expect(comments.find((c) => c.id === 2)).toMatchObject({ author_name: "Julie" });
    expect(comments.find((c) => c.id === 3)).toMatchObject({ author_name: "Pierre Ancien" });
    // The voice note it named is gone: its caption is not a comment.
    expect(comments.find((c) => c.id === 4)).toBeUndefined();
    expect(note(plan, "voiceMissing")?.count).toBe(1);
  });

  it("rebuilds machine stops from the history and from a ticket still marked down", () => {
    expect(plan.rows.machine_downtimes.map((d) => [d.ticket_id, d.started_at.toISOString(), d.ended_at?.toISOString() ?? null])).toEqual([
      [1, "2025-11-03T08:00:00.000Z", null],
      [2, "2025-11-04T09:00:00.000Z", "2025-11-04T11:30:00.000Z"],
    ]);
    expect(plan.rows.machines[0]).toMatchObject({ down_since: new Date("2025-11-03T08:00:00.000Z"), down_ticket_id: 1 });
  });

  it("keeps a history line with no equivalent in its words, and counts the lines of a ticket not in the export", () => {
    expect(plan.rows.ticket_events.filter((e) => e.type === "legacy_note").map((e) => e.to_value)).toEqual(["Mise à jour — Courroie changée"]);
    expect(note(plan, "orphanRows")).toMatchObject({ count: 1, items: ["ticket_timeline (1)"] });
    expect(countOf(plan.report, "ticket_timeline")).toEqual({ table: "ticket_timeline", found: 4, imported: 3 });
  });
});
