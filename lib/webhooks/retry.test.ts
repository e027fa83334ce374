import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryAt } from "./retry";

const now = new Date("2026-11-23T12:00:00Z");
const minutesLater = (attempts: number) => {
  const at = nextRetryAt(attempts, now);
  return at ? (at.getTime() - now.getTime()) / 60_000 : null;
};

describe("retry schedule", () => {
  it("waits longer after each failure: 5 min, 15 min, 1 h, 3 h, then 6 h", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(minutesLater)).toEqual([5, 15, 60, 180, 360, 360, 360]);
  });
  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    expect(nextRetryAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});
