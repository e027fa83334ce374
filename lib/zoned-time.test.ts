import { describe, expect, it } from "vitest";
import { factoryDateTime, startOfFactoryDay } from "./zoned-time";

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

describe("factoryDateTime", () => {
  it("writes the factory's wall-clock time, midnight as 00", () => {
    expect(factoryDateTime(new Date("2026-11-23T05:00:00Z"), "America/Toronto")).toBe("2026-11-23 00:00");
    expect(factoryDateTime(new Date("2026-07-01T17:45:00Z"), "America/Toronto")).toBe("2026-07-01 13:45");
    expect(factoryDateTime(null, "America/Toronto")).toBe("");
  });
});
