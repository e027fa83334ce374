import { describe, expect, it } from "vitest";
import { fromOwnOrigin } from "./request-origin";

const post = (headers: Record<string, string>) => new Request("https://atelier.usine.ca/outbox", { method: "POST", headers });

describe("fromOwnOrigin", () => {
  it("accepts Atelier's own pages and service worker", () => {
    expect(fromOwnOrigin(post({ "sec-fetch-site": "same-origin", origin: "https://atelier.usine.ca" }))).toBe(true);
    // Older browsers send neither header for a same-origin request.
    expect(fromOwnOrigin(post({}))).toBe(true);
  });

  it("refuses another site, or an origin it cannot read", () => {
    expect(fromOwnOrigin(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(fromOwnOrigin(post({ "sec-fetch-site": "same-site", origin: "https://evil.usine.ca" }))).toBe(false);
    expect(fromOwnOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(fromOwnOrigin(post({ origin: "null" }))).toBe(false);
  });
});
