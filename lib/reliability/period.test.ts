import { describe, expect, it } from "vitest";
import { parsePeriod, periodQuery } from "./period";

const now = new Date("2026-11-23T15:00:00Z");
const zone = "America/Toronto";

describe("the stats period", () => {
  it("is the last 30 days by default, up to now", () => {
    const p = parsePeriod({}, now, zone);
    expect(p).toMatchObject({ choice: "30", to: now, fromDay: "2026-10-24", toDay: "2026-11-23" });
    expect(now.getTime() - p.from.getTime()).toBe(30 * 86_400_000);
  });

  it("reads whole factory days, the last one included", () => {
    const p = parsePeriod({ period: "custom", from: "2026-11-01", to: "2026-11-10" }, now, zone);
    // Toronto is UTC−4 until 1 November 02:00 (EDT), then UTC−5 (EST).
    expect(p.from.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-11-11T05:00:00.000Z");
    expect(p.problem).toBeUndefined();
    expect(periodQuery(p)).toBe("period=custom&from=2026-11-01&to=2026-11-10");
  });

  it("ends now when the chosen days reach into the future", () => {
    expect(parsePeriod({ period: "custom", from: "2026-11-20", to: "2026-12-31" }, now, zone).to).toEqual(now);
  });

  it("falls back to 30 days and says why for dates in the wrong order, unreal or too far apart", () => {
    expect(parsePeriod({ period: "custom", from: "2026-11-10", to: "2026-11-01" }, now, zone).problem).toBe("periodOrder");
    expect(parsePeriod({ period: "custom", from: "2026-02-30", to: "2026-03-01" }, now, zone).problem).toBe("periodInvalid");
    expect(parsePeriod({ period: "custom", from: "1999-12-31", to: "2026-03-01" }, now, zone).problem).toBe("periodInvalid");
    expect(parsePeriod({ period: "custom", from: "2020-01-01", to: "2026-03-01" }, now, zone).problem).toBe("periodTooLong");
    expect(parsePeriod({ period: "custom" }, now, zone)).toMatchObject({ problem: "periodInvalid", choice: "custom", to: now });
  });
});
