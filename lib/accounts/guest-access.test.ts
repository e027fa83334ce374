import { describe, expect, it } from "vitest";
import { accessEnd, checkGuestExpiry, guestExpiryBounds, lastDayOfAccess } from "./guest-access";

const TZ = "America/Toronto";

describe("a guest's access", () => {
  it("may end from today to a year from today, the 28th for a 29 February", () => {
    expect(guestExpiryBounds("2026-11-23")).toEqual({ min: "2026-11-23", max: "2027-11-23" });
    expect(guestExpiryBounds("2028-02-29")).toEqual({ min: "2028-02-29", max: "2029-02-28" });
    expect(checkGuestExpiry("2026-11-22", "2026-11-23")).toEqual({ rule: "guestExpiryPast", min: "2026-11-23" });
    expect(checkGuestExpiry("2027-11-24", "2026-11-23")).toEqual({ rule: "guestExpiryTooFar", max: "2027-11-23" });
    expect(checkGuestExpiry("2026-11-23", "2026-11-23")).toBeNull();
    expect(checkGuestExpiry("2027-11-23", "2026-11-23")).toBeNull();
  });

  it("ends when the next day begins on the factory's clock, whatever the season", () => {
    // Winter, UTC-5: the 23rd ends at 05:00 UTC on the 24th.
    expect(accessEnd("2026-11-23", TZ).toISOString()).toBe("2026-11-24T05:00:00.000Z");
    // Summer, UTC-4.
    expect(accessEnd("2026-07-01", TZ).toISOString()).toBe("2026-07-02T04:00:00.000Z");
    // The night the clocks go back (1 November 2026): still the next midnight.
    expect(accessEnd("2026-10-31", TZ).toISOString()).toBe("2026-11-01T04:00:00.000Z");
  });

  it("says its last day as the admin chose it, and an access ended by hand on the day it ended", () => {
    expect(lastDayOfAccess(accessEnd("2026-11-23", TZ), TZ)).toBe("2026-11-23");
    expect(lastDayOfAccess(new Date("2026-11-23T19:30:00Z"), TZ)).toBe("2026-11-23");
  });
});
