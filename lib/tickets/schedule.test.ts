import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { TEAM_ASSIGNEE } from "./model";
import { describeSchedule } from "./schedule";

const now = new Date("2026-11-23T15:00:00Z");
const yesterday = new Date("2026-11-22T15:00:00Z");
const options = { now, locale: "fr" as const, timeZone: "America/Toronto", t: messagesFor("fr") };

describe("a scheduled date on a card", () => {
  it("reads late for an assigned ticket past its date that nobody started (its column is \"not started\")", () => {
    for (const assignedTo of [7, TEAM_ASSIGNEE]) {
      const view = describeSchedule({ scheduledDate: yesterday, stage: "new", assignedTo }, options);
      expect(view?.late).toBe(true);
      expect(view?.text).toBe("⚠ En retard de 1\u00a0j");
    }
  });

  it("does not read late for an unassigned ticket past its date: nothing alerts for it", () => {
    const view = describeSchedule({ scheduledDate: yesterday, stage: "new", assignedTo: null }, options);
    expect(view?.late).toBe(false);
    expect(view?.text).not.toContain("En retard");
  });

  it("does not read late once the work has started", () => {
    expect(describeSchedule({ scheduledDate: yesterday, stage: "in_work", assignedTo: 7 }, options)?.late).toBe(false);
  });
});

describe("a scheduled date on the ticket page", () => {
  it("is relative when late or ahead, and otherwise only repeats the date, which the page does not print twice", () => {
    const tomorrow = new Date("2026-11-24T15:00:00Z");
    expect(describeSchedule({ scheduledDate: yesterday, stage: "new", assignedTo: 7 }, options)?.relative).toBe(true);
    expect(describeSchedule({ scheduledDate: tomorrow, stage: "new", assignedTo: 7 }, options)?.relative).toBe(true);
    const past = describeSchedule({ scheduledDate: yesterday, stage: "in_work", assignedTo: 7 }, options);
    expect(past?.relative).toBe(false);
    expect(past?.text).toBe(`Planifié le ${past?.title}`);
    expect(describeSchedule({ scheduledDate: tomorrow, stage: "done", assignedTo: 7 }, options)?.relative).toBe(false);
  });
});
