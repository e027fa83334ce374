import { describe, expect, it } from "vitest";
import { buildOverduePayload, readableFactoryDate, overdueDuration, type OverdueTicket } from "./payload";

const ticket: OverdueTicket = {
  id: 42,
  ticketId: "TKT-M001-20261120-003",
  title: "Fuite d’huile au vérin principal",
  description: "Flaque sous la machine",
  priority: "high",
  status: "diagnostic",
  machineType: "Presse hydraulique",
  machineModel: "Schuler 250T",
  machineLocation: "Atelier A",
  scheduledDate: new Date("2026-11-21T14:00:00Z"),
  createdAt: new Date("2026-11-20T13:30:00Z"),
  reporterName: "Luc Bouchard",
  assigneeName: "Julie Roy",
};

describe("the overdue payload", () => {
  it("keeps the flat fields existing workflows map, with readable dates in the factory's zone", () => {
    const now = new Date("2026-11-23T23:26:00Z");
    const payload = buildOverduePayload(ticket, { now, timeZone: "America/Toronto", appUrl: "https://atelier.example.com/" });
    expect(payload).toMatchObject({
      event: "ticket.overdue",
      ticket_id: "TKT-M001-20261120-003",
      title: "Fuite d’huile au vérin principal",
      description: "Flaque sous la machine",
      priority: "high",
      priority_label: "Haute",
      status: "diagnostic",
      machine: "Presse hydraulique Schuler 250T",
      scheduled_date: "21 novembre 2026 à 09 h 00",
      scheduled_date_utc: "2026-11-21T14:00:00.000Z",
      assigned_to: "Julie Roy",
      reporter: "Luc Bouchard",
      created_at: "20 novembre 2026 à 08 h 30",
      overdue_days: 2,
      overdue_hours: 9,
      overdue_minutes: 26,
      overdue_text: "2 jour(s) 9h 26min",
      notification_sent_at: "23 novembre 2026 à 18 h 26",
      ticket_url: "https://atelier.example.com/tickets/TKT-M001-20261120-003",
    });
  });

  it("names the whole team when nobody in particular is assigned", () => {
    const payload = buildOverduePayload({ ...ticket, assigneeName: null }, { now: new Date(), timeZone: "UTC", appUrl: "http://x" });
    expect(payload.assigned_to).toBe("Toute l’équipe");
  });
});

describe("factory dates", () => {
  it("follow daylight saving time", () => {
    expect(readableFactoryDate(new Date("2026-07-01T13:00:00Z"), "America/Toronto")).toBe("1 juillet 2026 à 09 h 00");
    expect(readableFactoryDate(new Date("2026-12-01T13:00:00Z"), "America/Toronto")).toBe("1 décembre 2026 à 08 h 00");
  });
});

describe("overdueDuration", () => {
  it("writes short delays without empty units", () => {
    const t0 = new Date("2026-11-23T10:00:00Z");
    expect(overdueDuration(t0, new Date("2026-11-23T10:07:00Z")).text).toBe("7min");
    expect(overdueDuration(t0, new Date("2026-11-23T13:07:00Z")).text).toBe("3h 7min");
    expect(overdueDuration(t0, new Date("2026-11-24T10:00:00Z")).text).toBe("1 jour(s) 0h 0min");
  });
});
