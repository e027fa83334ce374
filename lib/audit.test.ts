import { describe, expect, it } from "vitest";
import { auditFilters, startOfFactoryDay } from "./audit";

describe("startOfFactoryDay", () => {
  it("is local midnight in the factory's zone, across daylight saving changes", () => {
    expect(startOfFactoryDay("2026-11-23", "America/Toronto").toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(startOfFactoryDay("2026-07-01", "America/Toronto").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(startOfFactoryDay("2026-03-08", "America/Toronto").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfFactoryDay("2026-11-01", "America/Toronto").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfFactoryDay("2026-06-15", "Europe/Paris").toISOString()).toBe("2026-06-14T22:00:00.000Z");
    expect(startOfFactoryDay("2026-06-15", "UTC").toISOString()).toBe("2026-06-15T00:00:00.000Z");
  });
});

describe("auditFilters", () => {
  it("keeps valid filters and drops malformed ones instead of failing the page", () => {
    expect(auditFilters.parse({ action: "user.created", actor: "3", from: "2026-11-01", page: "2" })).toEqual({
      action: "user.created",
      actor: 3,
      from: "2026-11-01",
      to: undefined,
      page: 2,
    });
    expect(auditFilters.parse({ action: "'; DROP", actor: "x", from: "yesterday", page: "-4" })).toEqual({
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});
