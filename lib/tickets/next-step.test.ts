import { describe, expect, it } from "vitest";
import { ticketStatuses } from "./model";
import { nextStatus } from "./next-step";

describe("nextStatus", () => {
  it("walks the work forward, one status at a time, back to work after waiting for parts", () => {
    expect(ticketStatuses.map((status) => [status, nextStatus(status)])).toEqual([
      ["received", "diagnostic"],
      ["diagnostic", "in_progress"],
      ["in_progress", "completed"],
      ["waiting_parts", "in_progress"],
      ["completed", "archived"],
      ["archived", null],
    ]);
  });

  it("offers nothing for a status it does not know", () => {
    expect(nextStatus("lost")).toBeNull();
  });
});
