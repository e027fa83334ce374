import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { allRoles, roles, type Role, type Who as Actor } from "@/lib/permissions";
import { authenticate } from "@/lib/accounts/sign-in";
import * as accounts from "@/lib/accounts/users";
import { listUsers } from "@/lib/accounts/users";
import { freshDatabase } from "./helpers/local-d1";
import { direct, refusal } from "./helpers/refusal";

const createUser = direct(accounts.createUser);
const updateUser = direct(accounts.updateUser);
const resetUserPassword = direct(accounts.resetUserPassword);
const setUserActive = direct(accounts.setUserActive);
const changeOwnPassword = direct(accounts.changeOwnPassword);
const updateProfile = direct(accounts.updateProfile);

const code = async (promise: Promise<unknown>) => (await refusal(promise)).code;

const t = freshDatabase();
let counter = 0;
const actors = {} as Record<Role, Actor>;

async function insertUser(role: Role, options: { active?: boolean; password?: string } = {}) {
  counter++;
  const user = await t.db.user.create({
    data: {
      email: `${role}.${counter}@u.test`,
      name: `${role} ${counter}`,
      role,
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? "ancien-mot-de-passe"),
    },
  });
  return { id: user.id, role } satisfies Actor;
}


const newPassword = "nouveau-mot-2026";

beforeAll(async () => {
  for (const role of allRoles) actors[role] = await insertUser(role);
});

describe("who may do what with accounts", () => {
  const manage = (actor: Actor, targetId: number) => [
    () => createUser(t.db, actor, { name: "X", email: `x${++counter}@u.test`, role: "operator", password: newPassword }),
    () => updateUser(t.db, actor, { id: targetId, name: "Renamed", email: `r${++counter}@u.test`, role: "operator" }),
    () => resetUserPassword(t.db, actor, { id: targetId, password: newPassword }),
    () => setUserActive(t.db, actor, { id: targetId, active: "false" }),
    () => setUserActive(t.db, actor, { id: targetId, active: "true" }),
  ];

  for (const role of ["operator", "technician", "supervisor", "guest"] as const) {
    it(`a ${role} can neither create, edit, reset, deactivate nor reactivate, and nothing is written`, async () => {
      const target = await insertUser("operator");
      const before = await t.db.user.findUniqueOrThrow({ where: { id: target.id } });
      const auditBefore = await t.db.auditLog.count();
      // To a guest, what they may not use does not exist (lib/operation.ts).
      for (const attempt of manage(actors[role], target.id)) expect(await code(attempt())).toBe(role === "guest" ? "notFound" : "forbidden");
      expect(await t.db.auditLog.count()).toBe(auditBefore);
      const row = await t.db.user.findUniqueOrThrow({ where: { id: target.id } });
      expect(row).toEqual(before);
    });
  }

  it("an admin can do all of it, each step audited", async () => {
    const target = await insertUser("operator");
    for (const attempt of manage(actors.admin, target.id)) await attempt();
    const actions = (await t.db.auditLog.findMany({ where: { actorId: actors.admin.id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions.slice(-5)).toEqual(["user.created", "user.updated", "user.password_reset", "user.deactivated", "user.reactivated"]);
  });

  it("operators, technicians and guests cannot list users; supervisors and admins can", async () => {
    expect(await code(listUsers(t.db, actors.operator))).toBe("forbidden");
    expect(await code(listUsers(t.db, actors.technician))).toBe("forbidden");
    expect(await code(listUsers(t.db, actors.guest))).toBe("forbidden");
    expect((await listUsers(t.db, actors.supervisor)).length).toBeGreaterThan(3);
    expect((await listUsers(t.db, actors.admin)).length).toBeGreaterThan(3);
  });
});

describe("creating an account", () => {
  it("stores a hash, forces a password change, and audits without the hash", async () => {
    const user = await createUser(t.db, actors.admin, {
      name: "  Nouvelle Technicienne ",
      email: " Nouvelle.Tech@U.test ",
      role: "technician",
      password: "temporaire-123",
    });
    expect(user).toMatchObject({ name: "Nouvelle Technicienne", email: "nouvelle.tech@u.test", mustChangePassword: true });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("temporaire-123", row.passwordHash)).toBe(true);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.created", entityId: String(user.id) } });
    expect(audit.after).not.toMatch(/pbkdf2|temporaire/);
    expect(JSON.parse(audit.after!)).toEqual({ name: "Nouvelle Technicienne", email: "nouvelle.tech@u.test", role: "technician", active: true });
  });

  it("refuses a duplicate email, whatever its case", async () => {
    const existing = await t.db.user.findUniqueOrThrow({ where: { id: actors.operator.id } });
    const refused = await code(
      createUser(t.db, actors.admin, { name: "Double", email: existing.email.toUpperCase(), role: "operator", password: newPassword }),
    );
    expect(refused).toBe("duplicateEmail");
  });

  it("refuses two simultaneous creations of the same address except one", async () => {
    const attempt = () =>
      createUser(t.db, actors.admin, { name: "Course", email: "course@u.test", role: "operator", password: newPassword });
    const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { email: "course@u.test" } })).toBe(1);
  });

  it("applies the password policy: 10 characters, not a demo password", async () => {
    const base = { name: "P", role: "operator" as const };
    expect(await code(createUser(t.db, actors.admin, { ...base, email: "p1@u.test", password: "court" }))).toBe("passwordTooShort");
    expect(await code(createUser(t.db, actors.admin, { ...base, email: "p2@u.test", password: "Atelier-Admin-2026" }))).toBe(
      "passwordPublished",
    );
    expect(await t.db.user.count({ where: { email: { in: ["p1@u.test", "p2@u.test"] } } })).toBe(0);
  });
});

describe("admin guards", () => {
  it("an admin cannot demote or deactivate themselves", async () => {
    const me = await insertUser("admin");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await code(updateUser(t.db, me, { id: me.id, name: row.name, email: row.email, role: "supervisor" }))).toBe("selfDemote");
    expect(await code(setUserActive(t.db, me, { id: me.id, active: "false" }))).toBe("selfDeactivate");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ role: "admin", active: true });
  });

  it("the last active admin can be neither demoted nor deactivated", async () => {
    // Leave exactly one active admin (the shared one) by deactivating the others directly.
    await t.db.user.updateMany({ where: { role: "admin", id: { not: actors.admin.id } }, data: { active: false } });
    const other = await insertUser("admin", { active: false });
    await t.db.user.update({ where: { id: other.id }, data: { active: true } });
    // other and the shared admin are the only active admins; other demotes the shared one: allowed.
    const shared = await t.db.user.findUniqueOrThrow({ where: { id: actors.admin.id } });
    await updateUser(t.db, other, { id: shared.id, name: shared.name, email: shared.email, role: "supervisor" });
    // Now `other` is the last active admin: the former admin cannot act; nobody else can remove it.
    const second = await insertUser("admin", { active: false });
    const last = await t.db.user.findUniqueOrThrow({ where: { id: other.id } });
    // An admin whose account is inactive does not count as a remaining admin.
    expect(
      await code(updateUser(t.db, second, { id: other.id, name: last.name, email: last.email, role: "technician" })),
    ).toBe("lastAdmin");
    expect(await code(setUserActive(t.db, second, { id: other.id, active: "false" }))).toBe("lastAdmin");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ role: "admin", active: true });
    // Restore the shared admin for the other tests.
    await t.db.user.update({ where: { id: actors.admin.id }, data: { role: "admin" } });
  });

  it("two admins deactivating each other at the same moment leave one active admin", async () => {
    await t.db.user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const a = await insertUser("admin");
    const b = await insertUser("admin");
    const results = await Promise.allSettled([
      setUserActive(t.db, a, { id: b.id, active: "false" }),
      setUserActive(t.db, b, { id: a.id, active: "false" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { role: "admin", active: true } })).toBe(1);
    await t.db.user.update({ where: { id: actors.admin.id }, data: { active: true } });
  });

  it("one admin demoting the other while being deactivated by them leaves one active admin", async () => {
    await t.db.user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const a = await insertUser("admin");
    const b = await insertUser("admin");
    const bRow = await t.db.user.findUniqueOrThrow({ where: { id: b.id } });
    const results = await Promise.allSettled([
      updateUser(t.db, a, { id: b.id, name: bRow.name, email: bRow.email, role: "operator" }),
      setUserActive(t.db, b, { id: a.id, active: "false" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { role: "admin", active: true } })).toBe(1);
    await t.db.user.update({ where: { id: actors.admin.id }, data: { active: true, role: "admin" } });
  });

  it("a deactivated user cannot sign in, and reactivation lets them back", async () => {
    const user = await insertUser("technician", { password: "mot-de-passe-tech" });
    const { email } = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const signIn = () => authenticate(t.db, { email, password: "mot-de-passe-tech", ip: "10.0.0.9", now: new Date() });
    await setUserActive(t.db, actors.admin, { id: user.id, active: "false" });
    expect(await signIn()).toEqual({ ok: false, reason: "inactive" });
    await setUserActive(t.db, actors.admin, { id: user.id, active: "true" });
    expect((await signIn()).ok).toBe(true);
  });

  it("editing to an address another account uses is refused", async () => {
    const a = await insertUser("operator");
    const b = await t.db.user.findUniqueOrThrow({ where: { id: (await insertUser("operator")).id } });
    expect(await code(updateUser(t.db, actors.admin, { id: a.id, name: "A", email: b.email, role: "operator" }))).toBe(
      "duplicateEmail",
    );
  });

  it("a role change is audited with the role before and after", async () => {
    const target = await insertUser("operator");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: target.id } });
    await updateUser(t.db, actors.admin, { id: target.id, name: row.name, email: row.email, role: "technician" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.role_changed", entityId: String(target.id) } });
    expect(JSON.parse(audit.before!).role).toBe("operator");
    expect(JSON.parse(audit.after!).role).toBe("technician");
  });
});

describe("password reset and own password change", () => {
  it("a reset forces a change; the user's change needs the current password and clears it", async () => {
    const user = await insertUser("technician");
    await resetUserPassword(t.db, actors.admin, { id: user.id, password: "temporaire-456" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.password_reset", entityId: String(user.id) } });
    expect(`${audit.before}${audit.after}`).not.toMatch(/temporaire|pbkdf2/);

    expect(await code(changeOwnPassword(t.db, user, { current: "pas-le-bon-mdp", next: "definitif-789" }))).toBe("wrongPassword");
    expect(await code(changeOwnPassword(t.db, user, { current: "temporaire-456", next: "temporaire-456" }))).toBe("samePassword");
    expect(await code(changeOwnPassword(t.db, user, { current: "temporaire-456", next: "court" }))).toBe("passwordTooShort");
    expect(
      await code(changeOwnPassword(t.db, user, { current: "temporaire-456", next: "Atelier-Technicien-2026" })),
    ).toBe("passwordPublished");
    await changeOwnPassword(t.db, user, { current: "temporaire-456", next: "definitif-789" });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword("definitif-789", row.passwordHash)).toBe(true);
  });

  for (const role of roles) {
    it(`a ${role} changes their own name, language and password`, async () => {
      const me = await insertUser(role);
      // Names are unique among active users: each role picks its own.
      const name = `Nom Choisi ${role}`;
      expect(await updateProfile(t.db, me, { name, locale: "en" })).toEqual({ name, locale: "en" });
      await updateProfile(t.db, me, { name, locale: "default" });
      expect((await t.db.user.findUniqueOrThrow({ where: { id: me.id } })).locale).toBeNull();
      await changeOwnPassword(t.db, me, { current: "ancien-mot-de-passe", next: "nouveau-mot-de-passe" });
    });
  }
});
