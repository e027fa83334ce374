import { describe, expect, it } from "vitest";
import { nameKey } from "../accounts/names";
import { TEAM_ASSIGNEE } from "../tickets/model";
import { channelFor, kindsFor, mentionedFirstNames, notificationHref, notificationTemplate, offersGo } from "./model";

describe("notification rules", () => {
  it("a mention is @ and a first name, compared without case or accents, each once", () => {
    expect(mentionedFirstNames("@Élise et @elise, voir @Marc-André. courriel a@b.ca", nameKey)).toEqual(["elise", "marc-andre"]);
    expect(mentionedFirstNames("rien ici", nameKey)).toEqual([]);
  });

  it("a role's default applies until the person chooses; a kind the role never receives stays off", () => {
    expect(channelFor("technician", "assigned", undefined)).toBe("push");
    expect(channelFor("technician", "assigned", "app")).toBe("app");
    expect(channelFor("admin", "overdue_all", undefined)).toBe("app");
    expect(channelFor("operator", "assigned", "push")).toBe("off");
    expect(kindsFor("operator")).toEqual(["report_status", "report_comment", "message", "mention"]);
  });

  it("a notification opens its ticket, else its conversation, else its machine", () => {
    expect(notificationHref({ kind: "assigned", ticketCode: "TKT-M001-20261123-001", conversationKey: null, machineId: 1 })).toBe("/tickets/TKT-M001-20261123-001");
    expect(notificationHref({ kind: "message", ticketCode: null, conversationKey: "3-7", machineId: null })).toBe("/messages/3-7");
    expect(notificationHref({ kind: "machine_down", ticketCode: null, conversationKey: null, machineId: 4 })).toBe("/machines/4");
  });
});

describe("notificationTemplate", () => {
  it("says a message written in a group is the group's, and a private one private", () => {
    expect(notificationTemplate("message", { toTeam: false, byPerson: true, inGroup: true })).toBe("groupMessage");
    expect(notificationTemplate("message", { toTeam: false, byPerson: true })).toBe("message");
  });

  it("gives a guest their groups' messages alone", () => {
    expect(kindsFor("guest")).toEqual(["message"]);
    expect(channelFor("guest", "machine_down", "push")).toBe("off");
  });

  it("names a person's assignment, to one person or the team", () => {
    expect(notificationTemplate("assigned", { toTeam: false, byPerson: true })).toBe("assigned");
    expect(notificationTemplate("assigned", { toTeam: true, byPerson: true })).toBe("assignedTeam");
  });

  it("says a plan's ticket is planned work, not that someone assigned it", () => {
    expect(notificationTemplate("assigned", { toTeam: false, byPerson: false })).toBe("assignedByPlan");
    expect(notificationTemplate("assigned", { toTeam: true, byPerson: false })).toBe("assignedTeamByPlan");
  });

  it("leaves the other kinds as they are", () => {
    expect(notificationTemplate("overdue", { toTeam: true, byPerson: false })).toBe("overdue");
    expect(notificationTemplate("message", { toTeam: false, byPerson: true })).toBe("message");
  });
});

describe("offersGo", () => {
  const assignment = { kind: "assigned", ticketOpen: true, ticketStage: "new", ticketAssignedTo: 7 };

  it("offers J'y vais on an open ticket still the person's or the team's", () => {
    expect(offersGo(assignment, 7)).toBe(true);
    expect(offersGo({ ...assignment, ticketAssignedTo: TEAM_ASSIGNEE, ticketStage: "in_work" }, 7)).toBe(true);
  });

  it("not once the ticket is closed or gone, given to someone else, or already under way with the person", () => {
    expect(offersGo({ ...assignment, ticketOpen: false }, 7)).toBe(false);
    expect(offersGo({ ...assignment, ticketAssignedTo: 9 }, 7)).toBe(false);
    expect(offersGo({ ...assignment, ticketAssignedTo: null }, 7)).toBe(false);
    expect(offersGo({ ...assignment, ticketStage: "in_work" }, 7)).toBe(false);
  });

  it("only on an assignment", () => {
    expect(offersGo({ ...assignment, kind: "overdue" }, 7)).toBe(false);
  });
});
