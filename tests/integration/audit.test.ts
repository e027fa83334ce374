import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();

describe("the audit log", () => {
  it("keeps who, what, when and before/after, never a password hash or secret", async () => {
    const admin = await t.db.user.create({ data: { email: "a@u.test", name: "A", role: "admin", passwordHash: "h" } });
    await recordAudit(t.db, {
      actorId: admin.id,
      action: "user.password_reset",
      entityType: "user",
      entityId: 42,
      before: { role: "technician", passwordHash: "pbkdf2_sha256$100000$abc$def" },
      after: { role: "technician", passwordHash: "pbkdf2_sha256$100000$ghi$jkl", webhookSecret: "whsec_123" },
    });
    const [row] = await t.db.auditLog.findMany();
    expect(row).toMatchObject({ actorId: admin.id, action: "user.password_reset", entityType: "user", entityId: "42" });
    expect(row!.before).not.toContain("pbkdf2");
    expect(row!.after).not.toContain("whsec_123");
    expect(JSON.parse(row!.after!)).toEqual({ role: "technician", passwordHash: "[masqué]", webhookSecret: "[masqué]" });
  });
});

describe("reading the audit log", () => {
  it("is refused to every role but admin", async () => {
    const { listAuditEntries, listAuditFilterOptions, auditFilters } = await import("@/lib/audit");
    for (const role of ["operator", "technician", "supervisor"] as const) {
      const actor = { id: 1, role };
      await expect(listAuditEntries(t.db, actor, auditFilters.parse({}), "America/Toronto")).rejects.toMatchObject({ code: "forbidden" });
      await expect(listAuditFilterOptions(t.db, actor)).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("filters by action, actor and factory day, newest first, 50 per page", async () => {
    const { listAuditEntries, listAuditFilterOptions, auditFilters } = await import("@/lib/audit");
    const admin = await t.db.user.create({ data: { email: "reader@u.test", name: "Lectrice", role: "admin", passwordHash: "h" } });
    const other = await t.db.user.create({ data: { email: "other@u.test", name: "Autre", role: "admin", passwordHash: "h" } });
    const actor = { id: admin.id, role: "admin" as const };
    // 60 entries on 2026-11-20 (Toronto) by admin, 1 on 2026-11-21 at 23:30 Toronto (04:30Z on the 22nd) by other.
    for (let i = 0; i < 60; i++) {
      await recordAudit(t.db, { actorId: admin.id, action: "setting.changed", entityType: "setting", entityId: "companyName" }, new Date(Date.UTC(2026, 10, 20, 14, i)));
    }
    await recordAudit(t.db, { actorId: other.id, action: "user.created", entityType: "user", entityId: 9 }, new Date("2026-11-22T04:30:00Z"));
    const read = (query: Record<string, string>) => listAuditEntries(t.db, actor, auditFilters.parse(query), "America/Toronto");

    const first = await read({ action: "setting.changed" });
    expect(first).toMatchObject({ total: 60, pages: 2, page: 1 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.createdAt.getTime()).toBeGreaterThan(first.rows[49]!.createdAt.getTime());
    expect((await read({ action: "setting.changed", page: "2" })).rows).toHaveLength(10);
    expect((await read({ action: "setting.changed", page: "99" })).page).toBe(2);

    const byOther = await read({ actor: String(other.id) });
    expect(byOther.rows.map((r) => [r.action, r.actorName])).toEqual([["user.created", "Autre"]]);
    expect((await read({ from: "2026-11-21", to: "2026-11-21" })).rows.map((r) => r.action)).toEqual(["user.created"]);
    expect((await read({ from: "2026-11-22", actor: String(other.id) })).total).toBe(0);
    expect((await read({ to: "2026-11-20" })).total).toBeGreaterThanOrEqual(60);

    const options = await listAuditFilterOptions(t.db, actor);
    expect(options.actions).toEqual(expect.arrayContaining(["setting.changed", "user.created"]));
    expect(options.actors.map((a) => a.name)).toEqual(expect.arrayContaining(["Autre", "Lectrice"]));
  });
});
