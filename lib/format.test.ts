import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatDay, formatDuration } from "./format";
import { messagesFor } from "./i18n";

const fr = messagesFor("fr").duration;
const MIN = 60_000;

// No-break spaces, written as spaces here for reading.
const nb = (text: string) => text.replaceAll(" ", "\u00a0");

describe("formatDuration", () => {
  it("shows days and hours for long delays, like the board's overdue badge", () => {
    expect(formatDuration((2 * 24 * 60 + 3 * 60 + 26) * MIN, fr)).toBe(nb("2 j 3 h"));
  });
  it("shows hours and minutes under a day", () => {
    expect(formatDuration((5 * 60 + 7) * MIN, fr)).toBe(nb("5 h 7 min"));
  });
  it("never shows negative or empty durations", () => {
    expect(formatDuration(-45 * MIN, fr)).toBe(nb("45 min"));
    expect(formatDuration(20_000, fr)).toBe(nb("0 min"));
  });
  it("speaks English when asked", () => {
    expect(formatDuration(26 * 60 * MIN, messagesFor("en").duration)).toBe(nb("1 d 2 h"));
  });
  it("never lets a line break inside it: no unit alone on the next line", () => {
    expect(formatDuration(28 * 60 * MIN, fr)).toBe(nb("1 j 4 h"));
    expect(formatDuration(28 * 60 * MIN, fr)).not.toContain(" ");
  });
});

describe("formatDateTime", () => {
  it("shows the factory's wall clock across the DST change", () => {
    // 2026-03-08 is the spring-forward day in Toronto: 07:30 UTC is 03:30 EDT.
    const before = formatDateTime(new Date("2026-03-08T06:30:00Z"), "fr", "America/Toronto");
    const after = formatDateTime(new Date("2026-03-08T07:30:00Z"), "fr", "America/Toronto");
    expect(before).toMatch(/01 h 30/);
    expect(after).toMatch(/03 h 30/);
  });
});

describe("message times", () => {
  it("name a factory day in the user's language", () => {
    expect(formatDay("2026-11-23", "fr")).toBe("lundi 23 novembre 2026");
    expect(formatDay("2026-11-23", "en")).toBe("Monday, November 23, 2026");
  });

  it("show a voice note's length as minutes and seconds", () => {
    expect(formatClock(7)).toBe("0:07");
    expect(formatClock(299.6)).toBe("5:00");
    expect(formatClock(61)).toBe("1:01");
  });
});
