import { describe, expect, it } from "vitest";
import { wallTimeToUtc } from "../factory-time";
import { checkPlanStart, newPlanStart } from "./model";

const TZ = "America/Toronto";
// Monday 2 March 2026 on the factory's clock.
const at = (time: string, day = "2026-03-02") => wallTimeToUtc(day, time, TZ)!;
const start = (startDate: string, timeOfDay = "08:00") => ({ startDate, timeOfDay });

describe("a plan's first due date", () => {
  it("is today at 08:00 while 08:00 is still to come on the factory's clock", () => {
    expect(checkPlanStart(start("2026-03-02"), { now: at("07:59"), timeZone: TZ })).toBeNull();
  });

  it("is refused once its time has passed today, instead of moving silently to the next occurrence", () => {
    expect(checkPlanStart(start("2026-03-02"), { now: at("15:00"), timeZone: TZ })).toEqual({ field: "timeOfDay", rule: "startTimePassed" });
    expect(checkPlanStart(start("2026-03-02"), { now: at("08:00"), timeZone: TZ })).toEqual({ field: "timeOfDay", rule: "startTimePassed" });
    expect(checkPlanStart(start("2026-03-02", "18:00"), { now: at("15:00"), timeZone: TZ })).toBeNull();
    expect(checkPlanStart(start("2026-03-03"), { now: at("15:00"), timeZone: TZ })).toBeNull();
  });

  it("is bounded like a ticket's date: from today when it is set, at most five years ahead", () => {
    expect(checkPlanStart(start("1900-01-01"), { now: at("07:00"), timeZone: TZ })).toEqual({ field: "startDate", rule: "dateTooEarly", min: "2026-03-02" });
    expect(checkPlanStart(start("2026-03-01"), { now: at("07:00"), timeZone: TZ })).toEqual({ field: "startDate", rule: "dateTooEarly", min: "2026-03-02" });
    expect(checkPlanStart(start("2031-03-02"), { now: at("07:00"), timeZone: TZ })).toBeNull();
    expect(checkPlanStart(start("2031-03-03"), { now: at("07:00"), timeZone: TZ })).toEqual({ field: "startDate", rule: "dateTooLate", max: "2031-03-02" });
    expect(checkPlanStart(start("2999-12-31"), { now: at("07:00"), timeZone: TZ })).toEqual({ field: "startDate", rule: "dateTooLate", max: "2031-03-02" });
  });

  it("kept by an edit, may lie in the past (the plan has been running), but not before 2000 nor past five years", () => {
    const running = { now: at("15:00", "2026-05-20"), timeZone: TZ };
    expect(checkPlanStart(start("2026-03-02"), { ...running, previous: start("2026-03-02") })).toBeNull();
    // A new time on a day already past keeps the plan's series.
    expect(checkPlanStart(start("2026-03-02", "09:00"), { ...running, previous: start("2026-03-02") })).toBeNull();
    // A new time today is set: it must be to come.
    const today = { now: at("15:00"), timeZone: TZ, previous: start("2026-03-02", "17:00") };
    expect(checkPlanStart(start("2026-03-02", "09:00"), today)).toEqual({ field: "timeOfDay", rule: "startTimePassed" });
    // A moved day is set: it must be to come.
    expect(checkPlanStart(start("2026-03-01"), { ...running, previous: start("2026-03-02") })).toEqual({ field: "startDate", rule: "dateTooEarly", min: "2026-05-20" });
    expect(checkPlanStart(start("1900-01-01"), { ...running, previous: start("1900-01-01") })).toEqual({ field: "startDate", rule: "dateTooEarly", min: "2000-01-01" });
  });
});

describe("a new plan's form", () => {
  it("offers today while 08:00 is to come, else tomorrow", () => {
    expect(newPlanStart(at("07:59"), TZ)).toEqual(start("2026-03-02"));
    expect(newPlanStart(at("08:00"), TZ)).toEqual(start("2026-03-03"));
    expect(newPlanStart(at("23:30"), TZ)).toEqual(start("2026-03-03"));
  });

  it("starts at another time of day by the same rule (the demo seed's plans)", () => {
    expect(newPlanStart(at("08:30"), TZ, "09:00")).toEqual({ startDate: "2026-03-02", timeOfDay: "09:00" });
    expect(newPlanStart(at("09:00"), TZ, "09:00")).toEqual({ startDate: "2026-03-03", timeOfDay: "09:00" });
  });
});
