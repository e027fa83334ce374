import { describe, expect, it } from "vitest";
import { checkOutboundUrl } from "./outbound-url";

const production = { allowPrivate: false };

describe("outbound URLs", () => {
  it.each([
    "https://connect.pabbly.com/workflow/sendwebhookdata/IjU3NjYwNTZhMDYzMTA0MzE1MjZmNTUzNDUxMzYi_pc",
    "https://hooks.zapier.com/hooks/catch/123456/abcdef/",
    "https://hook.eu1.make.com/abc123",
    "http://93.184.216.34/hook",
  ])("accept the public endpoint %s", (url) => {
    expect(checkOutboundUrl(url, production)).toBeNull();
  });

  it.each([
    ["ftp://example.com/x", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["pas une adresse", "invalid"],
    ["https://user:pass@example.com/hook", "credentials"],
  ])("refuse %s (%s)", (url, problem) => {
    expect(checkOutboundUrl(url, production)).toBe(problem);
  });

  it.each([
    "http://127.0.0.1:9000/hook",
    "http://localhost/hook",
    "http://10.1.2.3/hook",
    "http://172.20.0.5/hook",
    "http://192.168.1.10/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://2130706433/",
    "http://imprimante/",
    "http://nas.local/",
    "http://api.internal/",
  ])("refuse the private address %s in production", (url) => {
    expect(checkOutboundUrl(url, production)).toBe("private");
  });

  it("allow a local receiver when private addresses are explicitly allowed (local and test runs)", () => {
    expect(checkOutboundUrl("http://127.0.0.1:9000/hook", { allowPrivate: true })).toBeNull();
  });
});
