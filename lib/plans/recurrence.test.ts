import { describe, expect, it } from "vitest";
import {
  addMonths,
  creationTime,
  dueAfterCompletion,
  firstOccurrenceFrom,
  nextOccurrenceAfter,
  occurrenceAfterGenerated,
  occurrenceAt,
  occurrenceDay,
  occurrencesBetween,
  shortestGapDays,
  type RecurrenceRule,
} from "./recurrence";

// America/Toronto in 2026: clocks go forward on Sunday 8 March (02:00 -> 03:00)
// and back on Sunday 1 November (02:00 -> 01:00).
const TZ = "America/Toronto";
const iso = (d: Date | null) => d?.toISOString();
const rule = (r: Partial<RecurrenceRule>): RecurrenceRule => ({ recurrence: "days", interval: 1, startDate: "2026-01-01", timeOfDay: "08:00", ...r });

describe("plan recurrence across daylight saving time", () => {
  it("keeps a weekly 08:00 at 08:00 on the factory clock across the March change", () => {
    const weekly = rule({ recurrence: "weeks", startDate: "2026-03-01" });
    expect([0, 1, 2].map((k) => iso(occurrenceAt(weekly, k, TZ)))).toEqual([
      "2026-03-01T13:00:00.000Z", // EST, UTC-5
      "2026-03-08T12:00:00.000Z", // EDT, UTC-4
      "2026-03-15T12:00:00.000Z",
    ]);
  });

  it("keeps a daily 08:00 at 08:00 across the November change", () => {
    const daily = rule({ startDate: "2026-10-31" });
    expect([0, 1, 2].map((k) => iso(occurrenceAt(daily, k, TZ)))).toEqual([
      "2026-10-31T12:00:00.000Z",
      "2026-11-01T13:00:00.000Z",
      "2026-11-02T13:00:00.000Z",
    ]);
  });

  it("reads a time the spring change skips as the hour after, and a repeated autumn time as the first", () => {
    expect(iso(occurrenceAt(rule({ startDate: "2026-03-08", timeOfDay: "02:30" }), 0, TZ))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(occurrenceAt(rule({ startDate: "2026-11-01", timeOfDay: "01:30" }), 0, TZ))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("finds the next occurrence over a change: the day after 7 March 08:00 EST is 8 March 08:00 EDT", () => {
    const daily = rule({ startDate: "2026-03-01" });
    expect(iso(nextOccurrenceAfter(daily, new Date("2026-03-07T13:00:00Z"), TZ))).toBe("2026-03-08T12:00:00.000Z");
    // An instant between two occurrences gives the later one, never the same one twice.
    expect(iso(nextOccurrenceAfter(daily, new Date("2026-03-08T11:59:59Z"), TZ))).toBe("2026-03-08T12:00:00.000Z");
    expect(iso(nextOccurrenceAfter(daily, new Date("2026-03-08T12:00:00Z"), TZ))).toBe("2026-03-09T12:00:00.000Z");
  });

  it("creates a ticket lead days before on the factory clock, whichever side of a change", () => {
    expect(iso(creationTime(new Date("2026-03-09T12:00:00Z"), 2, TZ))).toBe("2026-03-07T13:00:00.000Z");
    expect(iso(creationTime(new Date("2026-11-02T13:00:00Z"), 3, TZ))).toBe("2026-10-30T12:00:00.000Z");
    expect(iso(creationTime(new Date("2026-11-02T13:00:00Z"), 0, TZ))).toBe("2026-11-02T13:00:00.000Z");
  });

  it("puts an after-completion plan N factory days after the day it was completed", () => {
    // Completed 7 March at 20:00 EST (01:00 UTC on the 8th): the factory's day is the 7th.
    const due = dueAfterCompletion({ interval: 1, timeOfDay: "08:00" }, new Date("2026-03-08T01:00:00Z"), TZ);
    expect(iso(due)).toBe("2026-03-08T12:00:00.000Z");
  });
});

describe("plan recurrence at month ends", () => {
  it("falls on the last day of a shorter month, then back on the 31st", () => {
    const monthly = rule({ recurrence: "months", startDate: "2026-01-31" });
    expect([0, 1, 2, 3, 4, 5].map((k) => occurrenceDay(monthly, k))).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
    ]);
  });

  it("goes to 29 February in a leap year and to 28 February otherwise", () => {
    expect(occurrenceDay(rule({ recurrence: "months", startDate: "2028-01-31" }), 1)).toBe("2028-02-29");
    expect(occurrenceDay(rule({ recurrence: "months", startDate: "2027-01-29" }), 1)).toBe("2027-02-28");
    const yearly = rule({ recurrence: "months", interval: 12, startDate: "2028-02-29" });
    expect([1, 2, 3, 4].map((k) => occurrenceDay(yearly, k))).toEqual(["2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]);
  });

  it("adds months over a year end and every N months", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(occurrenceDay(rule({ recurrence: "months", interval: 3, startDate: "2026-08-31" }), 2)).toBe("2027-02-28");
  });

  it("finds the next monthly occurrence after an instant in a 30-day month", () => {
    const monthly = rule({ recurrence: "months", startDate: "2026-01-31" });
    expect(iso(nextOccurrenceAfter(monthly, new Date("2026-04-15T00:00:00Z"), TZ))).toBe("2026-04-30T12:00:00.000Z");
    expect(iso(nextOccurrenceAfter(monthly, new Date("2026-04-30T12:00:00Z"), TZ))).toBe("2026-05-31T12:00:00.000Z");
  });
});

describe("plan occurrences over a period", () => {
  it("lists the occurrences of 8 weeks from a given day, start included, end excluded", () => {
    const everyTwoWeeks = rule({ recurrence: "weeks", interval: 2, startDate: "2026-02-02" });
    const from = new Date("2026-03-01T05:00:00Z");
    const to = new Date(from.getTime() + 56 * 86_400_000);
    expect(occurrencesBetween(everyTwoWeeks, from, to, TZ).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-03-02",
      "2026-03-16",
      "2026-03-30",
      "2026-04-13",
    ]);
  });

  it("gives no calendar occurrences for an after-completion plan", () => {
    expect(occurrencesBetween(rule({ recurrence: "after_completion" }), new Date(0), new Date(), TZ)).toEqual([]);
    expect(nextOccurrenceAfter(rule({ recurrence: "after_completion" }), new Date(), TZ)).toBeNull();
  });

  it("starts a plan at the first occurrence from now, and skips what passed while the cron was stopped", () => {
    const daily = rule({ startDate: "2026-01-01" });
    expect(iso(firstOccurrenceFrom(daily, new Date("2026-03-10T12:00:00Z"), TZ))).toBe("2026-03-10T12:00:00.000Z");
    expect(iso(firstOccurrenceFrom(daily, new Date("2026-03-10T12:00:01Z"), TZ))).toBe("2026-03-11T12:00:00.000Z");
    // Generated on time (3 days ahead): the next in the series.
    expect(iso(occurrenceAfterGenerated(daily, new Date("2026-03-10T12:00:00Z"), new Date("2026-03-07T12:00:00Z"), TZ))).toBe("2026-03-11T12:00:00.000Z");
    // Generated 5 days late: the next one still to come, not four more late tickets.
    expect(iso(occurrenceAfterGenerated(daily, new Date("2026-03-10T12:00:00Z"), new Date("2026-03-15T09:00:00Z"), TZ))).toBe("2026-03-15T12:00:00.000Z");
  });

  it("measures the shortest gap a lead time may span", () => {
    expect(shortestGapDays({ recurrence: "days", interval: 3 })).toBe(3);
    expect(shortestGapDays({ recurrence: "weeks", interval: 2 })).toBe(14);
    expect(shortestGapDays({ recurrence: "months", interval: 1 })).toBe(28);
    expect(shortestGapDays({ recurrence: "after_completion", interval: 10 })).toBe(10);
  });
});
