import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings } from "@/lib/settings";
import { createTestDatabase, type TestDatabase } from "./helpers/local-d1";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("settings", () => {
  it("fall back to the defaults on an empty database", async () => {
    expect(await getSettings(t.db)).toEqual({
      companyName: "Atelier",
      timeZone: "America/Toronto",
      defaultLocale: "fr",
      ticketPrefix: "TKT",
    });
  });

  it("read stored values, and ignore invalid ones instead of breaking every page", async () => {
    await t.db.setting.create({ data: { key: "timeZone", value: JSON.stringify("Europe/Paris") } });
    await t.db.setting.create({ data: { key: "ticketPrefix", value: JSON.stringify("not valid!") } });
    await t.db.setting.create({ data: { key: "companyName", value: "{broken json" } });
    expect(await getSettings(t.db)).toMatchObject({ timeZone: "Europe/Paris", ticketPrefix: "TKT", companyName: "Atelier" });
  });
});
