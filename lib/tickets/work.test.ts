import { describe, expect, it } from "vitest";
import { builtInColumns, type BoardColumn } from "./columns";
import { TEAM_ASSIGNEE } from "./model";
import { nextWorkStep, parseWorkScope } from "./work";

const builtIn: BoardColumn[] = builtInColumns.map((c, i) => ({
  id: i + 1,
  key: c.key,
  stage: c.stage,
  nameFr: null,
  nameEn: null,
  color: "slate",
  position: i + 1,
  protected: false,
  deleted: false,
}));

describe("a ticket's next step on Mon travail", () => {
  it("is to take it while it is the team's (or someone else's)", () => {
    expect(nextWorkStep({ assignedTo: TEAM_ASSIGNEE, stage: "in_work" }, 7, builtIn)).toEqual({ kind: "take", to: null });
    expect(nextWorkStep({ assignedTo: 9, stage: "new" }, 7, builtIn)).toEqual({ kind: "take", to: null });
  });

  it("then to start it, resume it once the parts are in, and finish it, by its column's stage", () => {
    expect(nextWorkStep({ assignedTo: 7, stage: "new" }, 7, builtIn)).toEqual({ kind: "start", to: "in_progress" });
    expect(nextWorkStep({ assignedTo: 7, stage: "waiting" }, 7, builtIn)).toEqual({ kind: "resume", to: "in_progress" });
    expect(nextWorkStep({ assignedTo: 7, stage: "in_work" }, 7, builtIn)).toEqual({ kind: "finish", to: "completed" });
  });

  it("leads to the first column of the stage, whatever the plant renamed, added, moved or deleted", () => {
    const plant = builtIn.map((c) => (c.key === "in_progress" ? { ...c, deleted: true } : c));
    const qualityCheck = { ...builtIn[2]!, id: 7, key: "col_7", nameFr: "Contrôle qualité", nameEn: "Quality check", position: 7, deleted: false };
    const verified = { ...builtIn[4]!, id: 8, key: "col_8", nameFr: "Vérifié", nameEn: "Checked", position: 0 };
    expect(nextWorkStep({ assignedTo: 7, stage: "new" }, 7, [...plant, qualityCheck])).toEqual({ kind: "start", to: "col_7" });
    expect(nextWorkStep({ assignedTo: 7, stage: "in_work" }, 7, [verified, ...plant, qualityCheck])).toEqual({ kind: "finish", to: "col_8" });
    // No column in work left on the board: the step is to finish.
    expect(nextWorkStep({ assignedTo: 7, stage: "new" }, 7, plant)).toEqual({ kind: "finish", to: "completed" });
  });
});

describe("the list's scope in the address", () => {
  it("is everything unless it says mine or team", () => {
    expect(parseWorkScope("mine")).toBe("mine");
    expect(parseWorkScope("team")).toBe("team");
    for (const other of [undefined, "", "MINE", ["mine"], "0"]) expect(parseWorkScope(other)).toBe("all");
  });
});
