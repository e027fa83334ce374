import { describe, expect, it } from "vitest";
import { issueLiveToken, LIVE_TOKEN_TTL_MS, verifyLiveToken } from "./live-token";

const secret = "a-test-secret-of-enough-length-000000";

describe("live tokens", () => {
  it("name the user they were signed for, for one minute", async () => {
    const token = await issueLiveToken(42, secret, 1_000_000_000_000);
    expect(await verifyLiveToken(token, secret, 1_000_000_000_000 + LIVE_TOKEN_TTL_MS - 1)).toBe(42);
    expect(await verifyLiveToken(token, secret, 1_000_000_000_000 + LIVE_TOKEN_TTL_MS + 1)).toBeNull();
  });

  it("are refused when signed with another secret or changed", async () => {
    const token = await issueLiveToken(42, secret);
    expect(await verifyLiveToken(token, "another-secret")).toBeNull();
    expect(await verifyLiveToken(token.replace(/^42\./, "43."), secret)).toBeNull();
    expect(await verifyLiveToken("42.9999999999999.x", secret)).toBeNull();
    expect(await verifyLiveToken("", secret)).toBeNull();
  });
});
