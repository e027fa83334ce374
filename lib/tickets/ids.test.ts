import { describe, expect, it } from "vitest";
import { factoryDay, formatTicketId } from "./ids";

describe("ticket ids", () => {
  it("read prefix, machine, factory day and sequence", () => {
    expect(formatTicketId("TKT", 7, "20261123", 4)).toBe("TKT-M007-20261123-004");
  });

  it("use the factory's calendar day, not UTC's", () => {
    // 02:00 UTC on the 24th is still the evening of the 23rd in Toronto.
    expect(factoryDay(new Date("2026-11-24T02:00:00Z"), "America/Toronto")).toBe("20261123");
    expect(factoryDay(new Date("2026-11-24T02:00:00Z"), "UTC")).toBe("20261124");
  });
});
