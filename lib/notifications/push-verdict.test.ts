import { describe, expect, it } from "vitest";
import { MAX_PUSH_ATTEMPTS, pushVerdict } from "./push";

describe("what becomes of a push and its device", () => {
  it("a push the service took is sent; 404 and 410 say the device is gone", () => {
    expect(pushVerdict({ status: 201, error: null }, 1)).toEqual({ status: "sent", dropDevice: false });
    expect(pushVerdict({ status: 410, error: "HTTP 410" }, 1)).toEqual({ status: "gone", dropDevice: true });
    expect(pushVerdict({ status: 404, error: "HTTP 404" }, 1)).toEqual({ status: "gone", dropDevice: true });
  });

  it("a refused endpoint (the address check, a redirect) fails at the first attempt and drops its device", () => {
    expect(pushVerdict({ status: null, error: "endpoint refused", refused: true }, 1)).toEqual({ status: "failed", dropDevice: true });
    expect(pushVerdict({ status: 307, error: "redirect not followed (HTTP 307)", refused: true }, 1)).toEqual({ status: "failed", dropDevice: true });
  });

  it("anything else is tried again until the last attempt, and the device stays", () => {
    expect(pushVerdict({ status: 503, error: "HTTP 503" }, 1)).toEqual({ status: "retrying", dropDevice: false });
    expect(pushVerdict({ status: null, error: "timeout" }, MAX_PUSH_ATTEMPTS - 1)).toEqual({ status: "retrying", dropDevice: false });
    expect(pushVerdict({ status: 503, error: "HTTP 503" }, MAX_PUSH_ATTEMPTS)).toEqual({ status: "failed", dropDevice: false });
  });
});
