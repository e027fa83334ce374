import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { createTestDatabase, type TestDatabase } from "./helpers/local-d1";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

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
