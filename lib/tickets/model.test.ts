import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { assigneeLabel, TEAM_ASSIGNEE } from "./model";

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
