import { describe, expect, it } from "vitest";
import { TEAM_ASSIGNEE } from "./model";
import { nextWorkStep, parseWorkScope } from "./work";

describe("a ticket's next step on Mon travail", () => {
  it("is to take it while it is the team's (or someone else's)", () => {
    expect(nextWorkStep({ assignedTo: TEAM_ASSIGNEE, status: "in_progress" }, 7)).toBe("take");
    expect(nextWorkStep({ assignedTo: 9, status: "received" }, 7)).toBe("take");
  });

  it("then to start it, resume it once the parts are in, and finish it", () => {
    expect(nextWorkStep({ assignedTo: 7, status: "received" }, 7)).toBe("start");
    expect(nextWorkStep({ assignedTo: 7, status: "diagnostic" }, 7)).toBe("start");
    expect(nextWorkStep({ assignedTo: 7, status: "waiting_parts" }, 7)).toBe("resume");
    expect(nextWorkStep({ assignedTo: 7, status: "in_progress" }, 7)).toBe("finish");
  });
});

describe("the list's scope in the address", () => {
  it("is everything unless it says mine or team", () => {
    expect(parseWorkScope("mine")).toBe("mine");
    expect(parseWorkScope("team")).toBe("team");
    for (const other of [undefined, "", "MINE", ["mine"], "0"]) expect(parseWorkScope(other)).toBe("all");
  });
});
