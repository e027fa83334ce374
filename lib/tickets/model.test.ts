import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { assigneeChoice, assigneeFromChoice, assigneeInput, assigneeLabel, TEAM_ASSIGNEE, TEAM_CHOICE } from "./model";

describe("assigneeLabel", () => {
  const names = new Map([[7, "Julie Roy"]]);
  for (const locale of ["fr", "en"] as const) {
    const t = messagesFor(locale);
    it(`tells a person, the whole team and nobody apart (${locale})`, () => {
      expect(assigneeLabel(7, (id) => names.get(id), t)).toBe("Julie Roy");
      expect(assigneeLabel(TEAM_ASSIGNEE, (id) => names.get(id), t)).toBe(t.tickets.card.wholeTeam);
      expect(assigneeLabel(null, (id) => names.get(id), t)).toBe(t.tickets.card.unassigned);
      expect(t.tickets.card.unassigned).not.toBe(t.tickets.card.wholeTeam);
    });
  }
});

describe("the assignee as forms write it", () => {
  it("reads back every assignee a form shows: nobody, the whole team, a person", () => {
    for (const assignedTo of [null, TEAM_ASSIGNEE, 7]) expect(assigneeFromChoice(assigneeChoice(assignedTo))).toBe(assignedTo);
    expect(assigneeChoice(TEAM_ASSIGNEE)).toBe(TEAM_CHOICE);
  });

  it("takes the team or a person's id from a form, nothing else", () => {
    expect(assigneeInput.parse(TEAM_CHOICE)).toBe(TEAM_CHOICE);
    expect(assigneeFromChoice(assigneeInput.parse("12"))).toBe(12);
    for (const bad of ["0", "", "-3", "me"]) expect(assigneeInput.safeParse(bad).success, bad).toBe(false);
  });
});
