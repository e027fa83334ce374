import { describe, expect, it } from "vitest";
import { cleanTranscript, MAX_TRANSCRIPT } from "./model";

describe("cleanTranscript", () => {
  it("makes the model's spacing plain: no leading space, no line breaks, single spaces", () => {
    expect(cleanTranscript("  La presse 3\nfuit   encore.\t ")).toBe("La presse 3 fuit encore.");
  });

  it("keeps nothing of a silence", () => {
    expect(cleanTranscript(" \n ")).toBe("");
  });

  it("cuts a text longer than a message may be, and says so with an ellipsis", () => {
    const long = cleanTranscript("mot ".repeat(2000));
    expect(long).toHaveLength(MAX_TRANSCRIPT);
    expect(long.endsWith("…")).toBe(true);
    expect(cleanTranscript("a".repeat(MAX_TRANSCRIPT))).toHaveLength(MAX_TRANSCRIPT);
  });
});
