// The move from the old system on a fresh local D1: `npm run import:legacy` run as
// a command on its sample export, then Atelier's own reads and sign-in on what it
// wrote; and the command's refusals, its dry run, and a failure midway.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";
import { authenticate } from "@/lib/accounts/sign-in";
import { verifyPassword } from "@/lib/accounts/password";
import { readExport } from "@/lib/legacy/read-export";
import { planImport } from "@/lib/legacy/plan";
import { settleFiles } from "@/lib/legacy/files";
import { expectedCounts, importFile, importStatements } from "@/lib/legacy/statements";
import { listConversations } from "@/lib/messages/queries";
import { fileResponse } from "@/lib/stored-files";
import { getTicketDetails, ticketReaderFor } from "@/lib/tickets/queries";
import { exportFile, oldBucket, runImport, sampleExport, scratch, wranglerExecute, type CommandResult } from "./helpers/legacy-import";
import { openTestDatabase, type TestDatabase } from "./helpers/local-d1";
import { ROOT } from "../../scripts/lib/migration-diff.mjs";

// The sample's tickets carry the old system's earlier id form (TKT-M001-20261127-001); one
// of them gets the form it writes today (TYP-MMYY-NNNN), so both are opened below.
const TODAY_FORM = "ROB-1125-0040";
const exportText = sampleExport().replace("'TKT-M004-20261115-001'", `'${TODAY_FORM}'`);
const files = [
  "tickets/1/1733000000000-fuite.jpg",
  "tickets/1/1733000000001-bruit.mp4",
  "tickets/1/1733000000002-note.webm",
  "messages/audio/3/1732017600000.webm",
];

const now = new Date("2026-12-07T12:00:00.000Z");
const tables = [
  "users",
  "machines",
  "tickets",
  "machine_downtimes",
  "ticket_comments",
  "media",
  "ticket_events",
  "messages",
  "message_attachments",
  "message_reads",
  "webhook_notifications",
  "webhook_attempts",
  "settings",
  "audit_logs",
] as const;

async function counts(t: TestDatabase): Promise<Record<string, number>> {
  const row = await t.d1.prepare(`SELECT ${tables.map((table) => `(SELECT COUNT(*) FROM ${table}) AS ${table}`).join(", ")}`).first<Record<string, number>>();
  return { ...row! };
}

describe("the sample export, imported", () => {
  let t: TestDatabase;
  let bucket: Map<string, Buffer>;
  let first: CommandResult;
  let again: CommandResult;
  let guard: CommandResult;
  let expected: Record<string, number>;

  beforeAll(async () => {
    const dir = scratch();
    bucket = oldBucket(path.join(dir, "bucket"), files);
    const file = exportFile(dir, exportText);
    const persistDir = path.join(dir, "d1");
    first = runImport([file, "--persist-to", persistDir, "--bucket", path.join(dir, "bucket")]);
    // A second run on the database it filled is refused by the command...
    again = runImport([file, "--persist-to", persistDir]);
    // ...and by the file's own first statement, were the database filled between the check and the write.
    const plan = await planImport(readExport(exportText), { now });
    settleFiles(plan, null);
    expected = expectedCounts(plan);
    const sqlFile = path.join(dir, "import.sql");
    writeFileSync(sqlFile, importFile(importStatements(plan, now)));
    guard = wranglerExecute(persistDir, { file: sqlFile });
    t = await openTestDatabase(persistDir);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("writes every kind with the counts the plan made, and prints the report", async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Import depuis l’ancien système");
    expect(first.stdout).toMatch(/tickets\s+40 → 40/);
    expect(first.stdout).toContain("4 fichiers trouvés dans le bucket donné et reconnus par leur contenu");
    expect(first.stdout).toContain("Copie de 4 fichier(s) vers le bucket d’Atelier…");
    expect(first.stdout).toContain("Import terminé en");
    const found = await counts(t);
    expect(found).toMatchObject({ ...expected, audit_logs: 1 });
    expect(found).toMatchObject({ users: 8, machines: 12, tickets: 40, ticket_comments: 20, media: 3, messages: 18, webhook_notifications: 10 });
    const audit = await t.db.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ action: "legacy.imported", entityType: "legacy", actorId: null });
    expect(JSON.parse(audit.after!)).toEqual({ people: 8, machines: 12, tickets: 40, messages: 18, alerts: 10 });
  });

  it("refuses to import again into the database it filled, and writes nothing", async () => {
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Refusé : la base d’Atelier contient déjà des données (users 8, machines 12, tickets 40, messages 18)");
    expect(guard.status).not.toBe(0);
    expect(`${guard.stdout}${guard.stderr}`).toMatch(/NOT NULL constraint failed: audit_logs\.action/);
    // One import's rows and one audit entry: neither refused run wrote anything.
    expect(await counts(t)).toMatchObject({ ...expected, audit_logs: 1 });
  });

  it("lets people sign in with their v2 password, and replaces the hash with Atelier's on the first success", async () => {
    const before = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@atelier.demo" } })).passwordHash;
    expect(before).toMatch(/^v2:/);
    const signIn = (password: string) => authenticate(t.db, { email: "Admin@atelier.demo", password, ip: "203.0.113.7", now: new Date() });
    await expect(signIn("Atelier-Admin-2025")).resolves.toEqual({ ok: false, reason: "invalid" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "admin@atelier.demo" } })).passwordHash).toBe(before);
    await expect(signIn("Atelier-Admin-2026")).resolves.toMatchObject({ ok: true, user: { id: 1, name: "Sophie Tremblay", role: "admin" } });
    const after = await t.db.user.findUniqueOrThrow({ where: { email: "admin@atelier.demo" } });
    expect(after.passwordHash).toMatch(/^pbkdf2_sha256\$100000\$/);
    expect(after.lastLoginAt).not.toBeNull();
    await expect(verifyPassword("Atelier-Admin-2026", after.passwordHash)).resolves.toBe(true);
    await expect(signIn("Atelier-Admin-2026")).resolves.toMatchObject({ ok: true });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "admin@atelier.demo" } })).passwordHash).toBe(after.passwordHash);
  });

  it("lets the account with a legacy SHA-256 hash sign in with its old password, wrapped at import, then re-hashed", async () => {
    const stored = (await t.db.user.findUniqueOrThrow({ where: { email: "gilles.morin@atelier.demo" } })).passwordHash;
    expect(stored).toMatch(/^pbkdf2_sha256_of_sha256_hex\$/);
    expect(stored).not.toContain("5f9d4306f7794378552264ac4f9a9ca061a30622707bf2a95a88ebc5eb42b9be");
    const result = await authenticate(t.db, { email: "gilles.morin@atelier.demo", password: "Ancien-Mot-2020", ip: "203.0.113.7", now: new Date() });
    expect(result).toMatchObject({ ok: true, user: { name: "Gilles Morin", role: "technician" } });
    const after = (await t.db.user.findUniqueOrThrow({ where: { email: "gilles.morin@atelier.demo" } })).passwordHash;
    expect(after).toMatch(/^pbkdf2_sha256\$100000\$/);
    await expect(verifyPassword("Ancien-Mot-2020", after)).resolves.toBe(true);
  });

  it("throttles an imported account's failures as anyone's", async () => {
    const attempt = (password: string) => authenticate(t.db, { email: "patrick.lavoie@atelier.demo", password, ip: "198.51.100.4", now: new Date() });
    for (let i = 0; i < 5; i++) await expect(attempt("mauvais-mot")).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(attempt("Atelier-Technicien-2026")).resolves.toMatchObject({ ok: false, reason: "throttled" });
  });

  it("opens tickets by their old ids, in both of the old system's forms", async () => {
    const reader = await ticketReaderFor(t.db, { id: 2, role: "supervisor" });
    const older = await getTicketDetails(t.db, "TKT-M001-20261127-001", reader);
    expect(older?.ticket).toMatchObject({ id: 1, title: "Fuite d’huile au vérin principal", assignedTo: 0, scheduledDate: new Date("2026-12-04T06:00:00.000Z") });
    const today = await getTicketDetails(t.db, TODAY_FORM, reader);
    expect(today?.ticket).toMatchObject({ id: 40, status: "waiting_parts", priority: "high" });
    expect(today?.alerts.map((a) => [a.responseStatus, a.trigger])).toEqual([[200, "cron"]]);
  });

  it("keeps the voice comment as the ticket's voice note, served with its bytes as audio", async () => {
    const reader = await ticketReaderFor(t.db, { id: 3, role: "technician" });
    const details = (await getTicketDetails(t.db, "TKT-M001-20261127-001", reader))!;
    expect(details.comments.map((c) => c.content)).toEqual(["Réglage fait, à surveiller pendant le prochain quart."]);
    const notes = details.media.filter((m) => m.fileType.startsWith("audio/"));
    // Its length read from the recording, which the old system never measured.
    expect(notes).toEqual([expect.objectContaining({ id: 3, fileType: "audio/webm", fileSize: bucket.get(files[2]!)!.length, duration: 7 })]);
    const row = await t.db.media.findUniqueOrThrow({ where: { id: 3 } });
    const file = { key: row.fileKey, type: row.fileType, size: row.fileSize, name: row.fileName };
    const whole = await fileResponse(new Request("http://atelier.test/media/3"), t.media, file);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/webm");
    expect(Buffer.from(await whole.arrayBuffer()).equals(bucket.get(files[2]!)!)).toBe(true);
    // Players seek with ranges.
    const part = await fileResponse(new Request("http://atelier.test/media/3", { headers: { range: "bytes=0-3" } }), t.media, file);
    expect(part.status).toBe(206);
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  });

  it("neither loses nor silently moves the custom column's tickets", async () => {
    const reader = await ticketReaderFor(t.db, { id: 1, role: "admin" });
    for (const code of ["TKT-M002-20261123-001", "TKT-M003-20261129-001"]) {
      const details = (await getTicketDetails(t.db, code, reader))!;
      expect(details.ticket.status).toBe("in_progress");
      expect(details.events.filter((e) => e.type === "legacy_column").map((e) => [e.fromValue, e.toValue])).toEqual([["Contrôle qualité", "in_progress"]]);
    }
    expect(first.stdout).toContain("Colonne personnalisée « Contrôle qualité » (quality_check) : 2 tickets placés dans « En cours »");
  });

  it("keeps the deleted ticket deleted: it stays out of reach", async () => {
    const reader = await ticketReaderFor(t.db, { id: 1, role: "admin" });
    await expect(getTicketDetails(t.db, "TKT-M006-20261124-001", reader)).resolves.toBeNull();
    expect((await t.db.ticket.findUniqueOrThrow({ where: { ticketId: "TKT-M006-20261124-001" } })).deletedAt).toEqual(new Date("2026-11-25T10:00:00.000Z"));
  });

  it("puts the messages in the team channel and the pair's conversation, read where the old system knew it", async () => {
    const julie = await listConversations(t.db, 3);
    expect(julie.map((c) => [c.key, c.unread])).toEqual([
      ["team", 0],
      ["2-3", 0],
    ]);
    const marc = await listConversations(t.db, 2);
    // Marc had not read Julie's private message; in "Général" he had read up to 21:02:46, three messages before the end.
    expect(marc.map((c) => [c.key, c.unread])).toEqual([
      ["team", 3],
      ["2-3", 1],
    ]);
    const voice = await t.db.message.findFirstOrThrow({ where: { audioKey: { not: null } } });
    expect(voice).toMatchObject({ conversationKey: "team", audioType: "audio/webm", audioDuration: 7, audioSize: bucket.get(files[3]!)!.length, content: "" });
    expect(await t.media.head(files[3]!)).not.toBeNull();
  });

  it("carries the webhook's URL and on/off state, the time zone and the company's name", async () => {
    const settings = Object.fromEntries((await t.db.setting.findMany()).map((s) => [s.key, JSON.parse(s.value)]));
    expect(settings).toEqual({
      "webhook.url": "https://connect.pabbly.com/workflow/sendwebhookdata/EXEMPLE",
      "webhook.enabled": true,
      timeZone: "America/Toronto",
      companyName: "Les Produits Verriers International (IGP) Inc.",
    });
  });
});

describe("a dry run, a failure midway, and a database with one account", () => {
  let t: TestDatabase;
  let dry: CommandResult;
  let failed: CommandResult;
  let oneAccount: CommandResult;

  beforeAll(async () => {
    const dir = scratch();
    const file = exportFile(dir, sampleExport());
    const persistDir = path.join(dir, "d1");
    // Two of the files are already in Atelier's own bucket (binding MEDIA), given as the bucket to read.
    const proxy = await getPlatformProxy<CloudflareEnv>({ configPath: path.join(ROOT, "wrangler.jsonc"), persist: { path: path.join(persistDir, "v3") } });
    for (const [key, bytes] of oldBucket(path.join(dir, "bucket"), files.slice(0, 2))) await proxy.env.MEDIA.put(key, bytes);
    await proxy.dispose();
    dry = runImport([file, "--dry-run", "--persist-to", persistDir, "--bucket", "MEDIA", "--lang", "en"]);
    // The import's own file with a statement that fails after all the others: D1 runs a file as one transaction.
    const plan = await planImport(readExport(sampleExport()), { now });
    settleFiles(plan, null);
    const sqlFile = path.join(dir, "import.sql");
    writeFileSync(sqlFile, importFile([...importStatements(plan, now), "INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at) VALUES (1, 'encore@usine.test', 'Encore', 'admin', 'x', '2026-12-07T00:00:00.000+00:00', '2026-12-07T00:00:00.000+00:00')"]));
    failed = wranglerExecute(persistDir, { file: sqlFile });
    // The first admin made before the import (npm run user:create) makes the database not empty.
    wranglerExecute(persistDir, {
      command: "INSERT INTO users (email, name, role, password_hash, active, created_at, updated_at) VALUES ('premiere@usine.test', 'Première Admin', 'admin', 'x', 1, '2026-12-07T00:00:00.000+00:00', '2026-12-07T00:00:00.000+00:00')",
    });
    oneAccount = runImport([file, "--persist-to", persistDir]);
    t = await openTestDatabase(persistDir);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the dry run prints the report and writes nothing", () => {
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Dry run (--dry-run): nothing was written.");
    expect(dry.stdout).toMatch(/webhook_notifications\s+10 → 10/);
    expect(dry.stdout).toContain("Custom column “Contrôle qualité” (quality_check): 2 tickets placed in “In progress”");
    // Read through the R2 binding: two files there, two missing (their rows kept), nothing copied.
    expect(dry.stdout).toContain("2 files found in the given bucket and recognised by their content");
    expect(dry.stdout).toMatch(/2 files missing from the given bucket[^\n]*\n\s+– tickets\/1\/1733000000002-note\.webm\n\s+– messages\/audio\/3\/1732017600000\.webm/);
    expect(dry.stdout).not.toContain("Copying");
  });

  it("a failure at the last statement leaves the database as it was", async () => {
    expect(failed.status).not.toBe(0);
    expect(`${failed.stdout}${failed.stderr}`).toMatch(/UNIQUE constraint failed: users\.id/);
  });

  it("a database holding one account is refused, with nothing written", async () => {
    expect(oneAccount.status).toBe(1);
    expect(oneAccount.stderr).toContain("Refusé : la base d’Atelier contient déjà des données (users 1)");
    expect(await counts(t)).toEqual(Object.fromEntries(tables.map((table) => [table, table === "users" ? 1 : 0])));
  });
});
