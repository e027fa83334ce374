import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirects";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackPath("/tickets?priority=high")).toBe("/tickets?priority=high");
    expect(safeCallbackPath("/tickets/12#comments")).toBe("/tickets/12#comments");
  });
  it("keeps an encoded tab or slash inside a path, where it stays encoded", () => {
    expect(safeCallbackPath("/tickets?q=%09")).toBe("/tickets?q=%09");
    expect(safeCallbackPath("/%2F/evil.example")).toBe("/%2F/evil.example");
  });
  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "\\/evil.example",
    "/tickets\\..\\..\\evil",
    "javascript:alert(1)",
    "http:evil.example",
    " /tickets",
    "",
    42,
    null,
  ])("sends %j home instead of off-site", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
  // Next hands the page the decoded parameter: ?callbackUrl=/%09/127.0.0.1:8799/ arrives with a real tab.
  it.each([
    ["tab (%09)", "/\t/127.0.0.1:8799/"],
    ["newline (%0a)", "/\n/127.0.0.1:8799/"],
    ["carriage return (%0d)", "/\r/127.0.0.1:8799/"],
    ["NUL (%00)", "/\u0000/evil.example"],
    ["DEL (%7f)", "/\u007f/evil.example"],
    ["tab before the slashes", "/\t\t//evil.example"],
    ["newline inside a path", "/tickets\nSet-Cookie: x=1"],
  ])("refuses a control character: %s", (_name, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
  it("refuses dot segments that fold into a protocol-relative path", () => {
    expect(safeCallbackPath("/.//evil.example")).toBe("/");
    expect(safeCallbackPath("/tickets/..//evil.example")).toBe("/");
  });
  it("does not loop back to the sign-in or sign-out pages", () => {
    expect(safeCallbackPath("/sign-in")).toBe("/");
    expect(safeCallbackPath("/sign-out")).toBe("/");
    expect(safeCallbackPath("/./sign-in")).toBe("/");
  });
});
