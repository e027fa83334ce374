import { describe, expect, it } from "vitest";
import { nameKey } from "./names";

describe("nameKey", () => {
  it("ignores case, accents and repeated spaces", () => {
    expect(nameKey("Élise Roy")).toBe(nameKey("elise roy"));
    expect(nameKey("  SOPHIE   Tremblay ")).toBe("sophie tremblay");
    expect(nameKey("Zoë Œuvray")).toBe("zoe oeuvray");
  });

  it("keeps names that differ by a letter apart", () => {
    expect(nameKey("Marc Tremblay")).not.toBe(nameKey("Marc Tremblay J."));
  });
});
