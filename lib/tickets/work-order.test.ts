import { describe, expect, it } from "vitest";
import { TEAM_ASSIGNEE } from "./model";
import { compareWork, factoryToday, workRank, type WorkFacts } from "./work-order";

const zone = "America/Toronto";
let nextId = 1;
function ticket(facts: Partial<WorkFacts> & { at?: string }): WorkFacts {
  const { at, ...rest } = facts;
  return { id: nextId++, assignedTo: 7, stage: "new", priority: "medium", scheduledDate: at ? new Date(at) : null, ...rest };
}

describe("the factory's today", () => {
  it("is 23 hours long on the spring change, from midnight to midnight on the factory's clock", () => {
    // 8 March 2026: Toronto goes from EST (UTC-5) to EDT (UTC-4) at 02:00.
    const today = factoryToday(new Date("2026-03-08T12:00:00Z"), zone);
    expect(today.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(today.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("is 25 hours long on the autumn change", () => {
    const today = factoryToday(new Date("2026-11-01T12:00:00Z"), zone);
    expect(today.start.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(today.end.toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("turns at the factory's midnight, not UTC's", () => {
    // 23:59 on the 7th in Toronto is already the 8th in UTC.
    expect(factoryToday(new Date("2026-03-08T04:59:00Z"), zone).start.toISOString()).toBe("2026-03-07T05:00:00.000Z");
    expect(factoryToday(new Date("2026-03-08T05:00:00Z"), zone).start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
  });
});

describe("which group a ticket falls in", () => {
  const now = new Date("2026-03-08T12:00:00Z");
  const today = factoryToday(now, zone);

  it("is overdue by the one overdue rule, before its priority", () => {
    expect(workRank(ticket({ priority: "critical", at: "2026-03-08T11:00:00Z" }), now, today)).toBe("overdue");
    expect(workRank(ticket({ assignedTo: TEAM_ASSIGNEE, stage: "new", at: "2026-03-01T11:00:00Z" }), now, today)).toBe("overdue");
    // Started: past its date but not overdue, so due today.
    expect(workRank(ticket({ stage: "in_work", at: "2026-03-08T11:00:00Z" }), now, today)).toBe("today");
  });

  it("is critical before due today", () => {
    expect(workRank(ticket({ priority: "critical", at: "2026-03-08T20:00:00Z" }), now, today)).toBe("critical");
    expect(workRank(ticket({ priority: "critical" }), now, today)).toBe("critical");
  });

  it("is due today until the factory's midnight, which comes an hour early on the spring change", () => {
    expect(workRank(ticket({ at: "2026-03-09T03:59:00Z" }), now, today)).toBe("today"); // 23:59 EDT on the 8th
    expect(workRank(ticket({ at: "2026-03-09T04:00:00Z" }), now, today)).toBe("rest"); // 00:00 on the 9th
    expect(workRank(ticket({ at: "2026-03-09T04:30:00Z" }), now, today)).toBe("rest"); // 24 h after midnight would still say today
    expect(workRank(ticket({}), now, today)).toBe("rest");
  });

  it("counts a ticket at midnight as the new day's, at the minute the day turns", () => {
    const lateEvening = new Date("2026-03-08T04:59:00Z");
    const midnight = new Date("2026-03-08T05:00:00Z");
    const atMidnight = ticket({ stage: "in_work", at: "2026-03-08T05:00:00Z" });
    expect(workRank(atMidnight, lateEvening, factoryToday(lateEvening, zone))).toBe("rest");
    expect(workRank(atMidnight, midnight, factoryToday(midnight, zone))).toBe("today");
  });
});

describe("the order of the work", () => {
  const now = new Date("2026-11-23T15:00:00Z");
  const today = factoryToday(now, zone);
  type Titled = WorkFacts & { title: string };
  const sort = (tickets: Titled[]) => [...tickets].sort((a, b) => compareWork(a, b, now, today)).map((t) => t.title);
  const named = (title: string, facts: Partial<WorkFacts> & { at?: string }): Titled => ({ ...ticket(facts), title });

  it("is overdue, then critical, then due today, then the rest", () => {
    const tickets = [
      named("rest", { priority: "high" }),
      named("today", { stage: "in_work", at: "2026-11-23T20:00:00Z" }),
      named("critical", { priority: "critical", at: "2026-11-30T13:00:00Z" }),
      named("overdue", { priority: "low", at: "2026-11-20T13:00:00Z" }),
    ];
    expect(sort(tickets)).toEqual(["overdue", "critical", "today", "rest"]);
  });

  it("within a group: higher priority, then the earlier schedule, none last, then the older ticket", () => {
    const tickets = [
      named("low, no date", { priority: "low" }),
      named("high, later", { priority: "high", at: "2026-12-05T13:00:00Z" }),
      named("high, no date", { priority: "high" }),
      named("high, sooner", { priority: "high", at: "2026-12-01T13:00:00Z" }),
      named("medium, no date, older", { priority: "medium" }),
      named("medium, no date, newer", { priority: "medium" }),
    ];
    expect(sort(tickets)).toEqual(["high, sooner", "high, later", "high, no date", "medium, no date, older", "medium, no date, newer", "low, no date"]);
  });
});
