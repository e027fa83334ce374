import { describe, expect, it } from "vitest";
import { factoryDateTime, startOfFactoryDay, utcToWallTime, wallTimeToUtc, zoneOffsetMs } from "./factory-time";

const TZ = "America/Toronto";

describe("factory time", () => {
  it("reads a winter wall time as UTC-5 and a summer one as UTC-4", () => {
    expect(wallTimeToUtc("2026-01-15", "08:00", TZ)?.toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(wallTimeToUtc("2026-07-15", "08:00", TZ)?.toISOString()).toBe("2026-07-15T12:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    expect(wallTimeToUtc("2026-03-08", "01:30", TZ)?.toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(wallTimeToUtc("2026-03-08", "03:30", TZ)?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(wallTimeToUtc("2026-03-08", "02:30", TZ)?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 1 November 2026: 01:30 happens twice; the first (EDT) is taken.
    expect(wallTimeToUtc("2026-11-01", "01:30", TZ)?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(wallTimeToUtc("2026-11-01", "03:00", TZ)?.toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });

  it("refuses dates that do not exist", () => {
    expect(wallTimeToUtc("2026-02-31", "08:00", TZ)).toBeNull();
    expect(wallTimeToUtc("2026-13-01", "08:00", TZ)).toBeNull();
    expect(wallTimeToUtc("demain", "08:00", TZ)).toBeNull();
    expect(wallTimeToUtc("2026-02-10", "25:00", TZ)).toBeNull();
  });

  it("round-trips through the factory's wall clock", () => {
    const instant = new Date("2026-11-24T02:15:00Z");
    expect(utcToWallTime(instant, TZ)).toEqual({ date: "2026-11-23", time: "21:15" });
    const back = wallTimeToUtc("2026-11-23", "21:15", TZ);
    expect(back?.toISOString()).toBe(instant.toISOString());
  });

  it("knows other zones' offsets", () => {
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "UTC")).toBe(0);
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * 3600_000);
  });
});


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
