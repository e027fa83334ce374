import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirects";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/tickets?priority=high")).toBe("/tickets?priority=high");
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", 42, null])(
    "sends %j home instead of off-site",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/");
    },
  );
  it("does not loop back to the sign-in or sign-out pages", () => {
    expect(safeCallbackPath("/sign-in")).toBe("/");
    expect(safeCallbackPath("/sign-out")).toBe("/");
  });
});
