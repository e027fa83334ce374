// The audit log read by a person: every entry the administrative operations
// record is shown with field labels and values in the reader's language, never
// as the codes stored (`companyName`, `technician`, `true`, `["PMP-001"]`).
import { beforeAll, describe, expect, it } from "vitest";
import { actionLabel, changedValues, entityLabel } from "@/components/admin/audit-labels";
import * as accounts from "@/lib/accounts/users";
import { recordAudit } from "@/lib/audit";
import { emptyRows } from "@/lib/legacy/rows";
import { auditSummary } from "@/lib/legacy/statements";
import { locales, messagesFor } from "@/lib/i18n";
import * as machinesCsv from "@/lib/machines/csv";
import * as machines from "@/lib/machines/operations";
import { machineStatuses } from "@/lib/machines/model";
import { allRoles } from "@/lib/permissions";
import * as guests from "@/lib/accounts/guests";
import * as retention from "@/lib/retention/settings";
import * as settings from "@/lib/settings/settings";
import { webhookSettingsSchema } from "@/lib/webhooks/config";
import * as broadcasts from "@/lib/tv/broadcasts";
import * as screens from "@/lib/tv/links";
import * as voice from "@/lib/voice/settings";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { direct } from "./helpers/refusal";

const t = freshDatabase();
let cast: Cast;

// What a person must never read in the log: the stored codes.
const codes = new Set<string>([...allRoles, ...machineStatuses, ...locales, "true", "false", "null"]);

beforeAll(async () => {
  cast = await createCast(t.db, "words");
  const admin = cast.admin;
  const user = await direct(accounts.createUser)(t.db, admin, {
    name: "Julie Gagnon",
    email: "julie@atelier.test",
    role: "operator",
    password: "Mot-de-passe-2026!",
  });
  await direct(accounts.updateUser)(t.db, admin, { id: user.id, name: "Julie Gagnon", email: "julie@atelier.test", role: "technician" });
  await direct(accounts.resetUserPassword)(t.db, admin, { id: user.id, password: "Autre-mot-2026!" });
  await direct(accounts.setUserActive)(t.db, admin, { id: user.id, active: false });
  // A guest invited, their access moved, then ended (lib/accounts/guests.ts).
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const invited = await direct(guests.inviteGuest)(t.db, admin, { name: "Luc Invité", company: "Hydro-Tech inc.", email: "luc@hydro.test", expiresOn: inAMonth, groups: [], password: "Mot-de-passe-2026!" });
  await direct(guests.updateGuestAccess)(t.db, admin, { id: invited.id, company: "Hydro-Tech ltée", expiresOn: inAMonth });
  await direct(guests.endGuestAccess)(t.db, admin, { id: invited.id });
  await direct(settings.updateSettings)(t.db, admin, {
    companyName: "Usine Nord",
    timeZone: "America/Montreal",
    defaultLocale: "en",
    ticketPrefix: "USN",
    operatorTicketVisibility: "all",
  });
  await direct(retention.updateRetentionSettings)(t.db, admin, {
    signInAttemptsDays: "60",
    cronRunsDays: "90",
    webhookDays: "365",
    auditDays: "3650",
    deletedMediaDays: "14",
    notificationsDays: "60",
  });
  // Voice notes' transcription, on a deployment with Workers AI (lib/voice/): any binding will do, it is not called.
  await direct(voice.updateTranscription)(t.db, admin, { transcribe: "on" }, { speech: { ai: { run: () => Promise.reject(new Error("not called")) } } });
  const machine = await direct(machines.createMachine)(t.db, admin, { machineType: "Presse", serialNumber: "PR-1", status: "operational" });
  await direct(machines.updateMachine)(t.db, admin, { id: machine.id, machineType: "Presse", location: "Atelier B", status: "maintenance" });
  await direct(machines.setMachineStatus)(t.db, admin, { id: machine.id, status: "out_of_service" });
  await direct(machines.deleteMachine)(t.db, admin, { id: machine.id });
  const csv = "Type;Numéro de série;Statut\nPompe;PMP-001;En service\n";
  await direct(machinesCsv.importMachines)(t.db, admin, { file: new File([csv], "machines.csv", { type: "text/csv" }) });
  // The shop's screens: a link made, renamed and revoked; a broadcast written, changed and deleted.
  const screen = await direct(screens.createScreenLink)(t.db, admin, { name: "Atelier B", locale: "fr" });
  await direct(screens.updateScreenLink)(t.db, admin, { id: screen.id, name: "Atelier B, presses", locale: "en" });
  await direct(screens.revokeScreenLink)(t.db, admin, { id: screen.id });
  const quiet = { publishLive: async () => {} };
  const soon = (hours: number) => broadcasts.wallTimeValue(new Date(Date.now() + hours * 3_600_000), "America/Toronto");
  const broadcast = await direct(broadcasts.createBroadcast)(t.db, admin, { text: "Casque obligatoire", urgency: "warning", startsAt: soon(0), endsAt: soon(2) }, quiet);
  await direct(broadcasts.updateBroadcast)(t.db, admin, { id: broadcast.id, text: "Casque et lunettes", urgency: "urgent", startsAt: soon(1), endsAt: soon(3) }, quiet);
  await direct(broadcasts.deleteBroadcast)(t.db, admin, { id: broadcast.id }, quiet);
  // The webhook page's save records the whole settings object, its secret masked
  // (lib/webhooks/operations.ts); it needs the worker's env, so its entry is recorded as it would be.
  const webhook = webhookSettingsSchema.parse({});
  await recordAudit(t.db, {
    actorId: admin.id,
    action: "webhook.settings_changed",
    entityType: "setting",
    entityId: "webhook",
    before: { ...webhook, secret: null },
    after: { ...webhook, enabled: false, url: "https://connect.pabbly.com/x", appUrl: "https://atelier.example", secret: "whsec_…1234" },
  });
  // The move from the old system records itself as its SQL file does (lib/legacy/statements.ts).
  const moved = emptyRows();
  moved.tickets.length = 40;
  await recordAudit(t.db, { actorId: null, action: "legacy.imported", entityType: "legacy", after: auditSummary(moved) });
});

describe("the audit log in the reader's language", () => {
  for (const locale of locales) {
    it(`words every recorded field and value in ${locale}`, async () => {
      const m = messagesFor(locale);
      const rows = await t.db.auditLog.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(["user.created", "user.role_changed", "user.invited", "user.access_changed", "user.access_ended", "setting.changed", "machine.imported", "machine.deleted", "screen.revoked", "broadcast.updated"]),
      );
      for (const row of rows) {
        expect(actionLabel(row.action, m)).not.toBe(row.action);
        if (row.entityType === "setting" && row.entityId) {
          const setting = entityLabel(row.entityType, row.entityId, m).split(" · ")[1];
          expect(setting).not.toBe(row.entityId.replace(/^webhook\./, ""));
          expect(setting).not.toBe(row.entityId);
        }
        const changes = changedValues(row.before, row.after, m, locale, "America/Toronto");
        expect(changes.length).toBeGreaterThan(0);
        for (const change of changes) {
          expect(change.label, `${row.action}: ${change.key}`).not.toBe(change.key);
          for (const text of [change.before, change.after]) {
            expect(codes.has(text), `${row.action}: ${change.key} shows ${text}`).toBe(false);
            expect(text, `${row.action}: ${change.key}`).not.toMatch(/^[[{]/);
          }
        }
      }
    });
  }

  it("shows a role change, a serial number list and a setting as people say them", async () => {
    const fr = messagesFor("fr");
    const en = messagesFor("en");
    const rows = await t.db.auditLog.findMany({ orderBy: { id: "asc" } });
    const of = (action: string, entityId?: string) => rows.find((r) => r.action === action && (!entityId || r.entityId === entityId))!;

    const role = of("user.role_changed");
    expect(changedValues(role.before, role.after, fr, "fr", "UTC")).toEqual([{ key: "role", label: "Rôle", before: "Opérateur", after: "Technicien" }]);
    expect(changedValues(role.before, role.after, en, "en", "UTC")).toEqual([{ key: "role", label: "Role", before: "Operator", after: "Technician" }]);

    const deactivated = of("user.deactivated");
    expect(changedValues(deactivated.before, deactivated.after, fr, "fr", "UTC")).toEqual([
      { key: "active", label: "Compte actif", before: "Oui", after: "Non" },
    ]);

    const imported = of("machine.imported");
    expect(changedValues(imported.before, imported.after, fr, "fr", "UTC")).toEqual([
      { key: "count", label: "Nombre", before: "—", after: "1" },
      { key: "serialNumbers", label: "Numéros de série", before: "—", after: "PMP-001" },
    ]);

    const language = of("setting.changed", "defaultLocale");
    expect(entityLabel(language.entityType, language.entityId, fr)).toBe("Paramètre · Langue par défaut");
    expect(changedValues(language.before, language.after, fr, "fr", "UTC")).toEqual([
      { key: "defaultLocale", label: "Langue par défaut", before: "Français", after: "English" },
    ]);

    const transcription = of("setting.changed", "voice");
    expect(entityLabel(transcription.entityType, transcription.entityId, fr)).toBe("Paramètre · Notes vocales");
    expect(changedValues(transcription.before, transcription.after, en, "en", "UTC")).toEqual([
      { key: "transcribe", label: "Transcribe voice notes", before: "No", after: "Yes" },
    ]);

    const kept = of("setting.changed", "retention");
    expect(entityLabel(kept.entityType, kept.entityId, fr)).toBe("Paramètre · Conservation des données");
    expect(changedValues(kept.before, kept.after, fr, "fr", "UTC")).toContainEqual({
      key: "auditDays",
      label: "Journal d’audit",
      before: "1095 jours",
      after: "3650 jours",
    });
    const seen = of("setting.changed", "operatorTicketVisibility");
    expect(changedValues(seen.before, seen.after, en, "en", "UTC")).toEqual([
      { key: "operatorTicketVisibility", label: "Operators see", before: "Their reports", after: "All tickets" },
    ]);

    const revoked = of("screen.revoked");
    expect(entityLabel(revoked.entityType, revoked.entityId, fr)).toBe(`Écran de l’atelier #${revoked.entityId}`);
    expect(changedValues(revoked.before, revoked.after, fr, "fr", "UTC")).toEqual([{ key: "revoked", label: "Révoqué", before: "Non", after: "Oui" }]);
    const edited = of("broadcast.updated");
    expect(changedValues(edited.before, edited.after, en, "en", "UTC")).toContainEqual({ key: "urgency", label: "Urgency", before: "Caution", after: "Urgent" });

    const status = of("machine.status_changed");
    expect(changedValues(status.before, status.after, en, "en", "UTC")).toEqual([
      { key: "status", label: "Status", before: "Maintenance", after: "Out of service" },
    ]);
  });
});
