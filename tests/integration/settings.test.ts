import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { allRoles, type Role, type Who as Actor } from "@/lib/permissions";
import * as logo from "@/lib/settings/logo";
import * as settings from "@/lib/settings/settings";
import { getSettings } from "@/lib/settings/settings";
import { freshDatabase } from "./helpers/local-d1";
import { direct, refusal } from "./helpers/refusal";

const updateSettings = direct(settings.updateSettings);
const replaceLogo = (db: Db, media: R2Bucket, actor: Actor, bytes: Uint8Array) =>
  direct(logo.replaceLogo)(db, actor, { logo: new File([bytes as Uint8Array<ArrayBuffer>], "logo") }, { media });
const removeLogo = (db: Db, media: R2Bucket, actor: Actor) => direct(logo.removeLogo)(db, actor, {}, { media });

const t = freshDatabase();
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  for (const role of allRoles) {
    const user = await t.db.user.create({ data: { email: `${role}@s.test`, name: role, role, passwordHash: "x" } });
    actors[role] = { id: user.id, role };
  }
});


const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const valid = { companyName: "Usine Laval", timeZone: "America/Montreal", defaultLocale: "en", ticketPrefix: "LAV" };

async function bucketKeys(): Promise<string[]> {
  return (await t.media.list({ prefix: "branding/" })).objects.map((o) => o.key);
}

describe("settings", () => {
  it("fall back to the defaults on an empty database", async () => {
    expect(await getSettings(t.db)).toEqual({
      companyName: "Atelier",
      timeZone: "America/Toronto",
      defaultLocale: "fr",
      ticketPrefix: "TKT",
      logoKey: null,
      operatorTicketVisibility: "own",
      appUrl: "",
    });
  });

  for (const role of ["operator", "technician", "supervisor", "guest"] as const) {
    it(`a ${role} can change neither the settings nor the logo`, async () => {
      // To a guest, what they may not use does not exist (lib/operation.ts).
      const refused = role === "guest" ? "notFound" : "forbidden";
      expect((await refusal(updateSettings(t.db, actors[role], valid))).code).toBe(refused);
      expect((await refusal(replaceLogo(t.db, t.media, actors[role], png))).code).toBe(refused);
      expect((await refusal(removeLogo(t.db, t.media, actors[role]))).code).toBe(refused);
      expect(await t.db.setting.count()).toBe(0);
    });
  }

  it("an admin changes them; each changed value is audited with before and after", async () => {
    expect(await updateSettings(t.db, actors.admin, valid)).toEqual(["companyName", "timeZone", "defaultLocale", "ticketPrefix"]);
    expect(await getSettings(t.db)).toMatchObject(valid);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "setting.changed", entityId: "timeZone" } });
    expect(JSON.parse(audit.before!)).toEqual({ timeZone: "America/Toronto" });
    expect(JSON.parse(audit.after!)).toEqual({ timeZone: "America/Montreal" });
    expect(audit.actorId).toBe(actors.admin.id);
    // Saving the same values again changes and audits nothing.
    const count = await t.db.auditLog.count();
    expect(await updateSettings(t.db, actors.admin, valid)).toEqual([]);
    expect(await t.db.auditLog.count()).toBe(count);
  });

  it("a bad value refuses the whole form, says which field, and keeps every old value", async () => {
    const before = await getSettings(t.db);
    const error = await refusal(
      updateSettings(t.db, actors.admin, { companyName: "Autre", timeZone: "Mars/Olympus", defaultLocale: "fr", ticketPrefix: "tk t" }),
    );
    expect(error.fields).toEqual({ timeZone: "badTimeZone", ticketPrefix: "badPrefix" });
    expect(await getSettings(t.db)).toEqual(before);
    expect((await refusal(updateSettings(t.db, actors.admin, { ...valid, companyName: "  " }))).fields).toEqual({
      companyName: "badCompanyName",
    });
  });

  it("read stored values, and ignore invalid ones instead of breaking every page", async () => {
    await t.db.setting.upsert({ where: { key: "timeZone" }, create: { key: "timeZone", value: '"Europe/Paris"' }, update: { value: '"Europe/Paris"' } });
    await t.db.setting.update({ where: { key: "ticketPrefix" }, data: { value: JSON.stringify("not valid!") } });
    await t.db.setting.update({ where: { key: "companyName" }, data: { value: "{broken json" } });
    expect(await getSettings(t.db)).toMatchObject({ timeZone: "Europe/Paris", ticketPrefix: "TKT", companyName: "Atelier" });
  });
});

describe("the logo", () => {
  it("is stored in R2 and replaces the previous one, which is removed", async () => {
    const first = await replaceLogo(t.db, t.media, actors.admin, png);
    expect(first).toMatch(/^branding\/logo-.+\.png$/);
    const second = await replaceLogo(t.db, t.media, actors.admin, png);
    expect((await getSettings(t.db)).logoKey).toBe(second);
    expect(await bucketKeys()).toEqual([second]);
    const stored = await t.media.get(second);
    expect(stored?.httpMetadata?.contentType).toBe("image/png");
    await removeLogo(t.db, t.media, actors.admin);
    expect((await getSettings(t.db)).logoKey).toBeNull();
    expect(await bucketKeys()).toEqual([]);
    expect(await t.db.auditLog.count({ where: { action: "setting.changed", entityId: "logoKey" } })).toBe(3);
  });

  it("refuses a file that is not an image by its content, or too large, and stores nothing", async () => {
    const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    expect((await refusal(replaceLogo(t.db, t.media, actors.admin, svg))).code).toBe("logoBadType");
    const huge = new Uint8Array(512 * 1024 + 1);
    huge.set(png);
    expect((await refusal(replaceLogo(t.db, t.media, actors.admin, huge))).code).toBe("logoTooLarge");
    expect(await bucketKeys()).toEqual([]);
    expect((await getSettings(t.db)).logoKey).toBeNull();
  });
});
