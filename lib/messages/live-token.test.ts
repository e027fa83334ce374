import { describe, expect, it } from "vitest";
import { issueLiveToken, LIVE_TOKEN_TTL_MS, verifyLiveToken } from "./live-token";

const secret = "a-test-secret-of-enough-length-000000";
const session = { userId: 42, version: 3, sessionId: "0b6c4d5e-7f80-4a1b-9c2d-3e4f5a6b7c8d" };

describe("live tokens", () => {
  it("name the session they were signed for (user, session version and id), for one minute", async () => {
    const token = await issueLiveToken(session, secret, 1_000_000_000_000);
    expect(await verifyLiveToken(token, secret, 1_000_000_000_000 + LIVE_TOKEN_TTL_MS - 1)).toEqual(session);
    expect(await verifyLiveToken(token, secret, 1_000_000_000_000 + LIVE_TOKEN_TTL_MS + 1)).toBeNull();
  });

  it("are refused when signed with another secret or changed: another user, an older or newer version, another session", async () => {
    const token = await issueLiveToken(session, secret);
    expect(await verifyLiveToken(token, "another-secret")).toBeNull();
    expect(await verifyLiveToken(token.replace(/^42\./, "43."), secret)).toBeNull();
    expect(await verifyLiveToken(token.replace(/^42\.3\./, "42.4."), secret)).toBeNull();
    expect(await verifyLiveToken(token.replace(session.sessionId, "0b6c4d5e-7f80-4a1b-9c2d-3e4f5a6b7c8e"), secret)).toBeNull();
    expect(await verifyLiveToken("42.3.x.9999999999999.x", secret)).toBeNull();
    expect(await verifyLiveToken("", secret)).toBeNull();
  });
});
