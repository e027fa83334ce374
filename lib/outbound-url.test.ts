import { describe, expect, it } from "vitest";
import { checkOutboundUrl, isPrivateHost } from "./outbound-url";

const production = { allowPrivate: false };

describe("outbound URLs", () => {
  it.each([
    "https://connect.pabbly.com/workflow/sendwebhookdata/IjU3NjYwNTZhMDYzMTA0MzE1MjZmNTUzNDUxMzYi_pc",
    "https://connect.pabbly.com/x",
    "https://hooks.zapier.com/hooks/catch/123456/abcdef/",
    "https://hooks.zapier.com/x",
    "https://hook.eu1.make.com/abc123",
    "http://93.184.216.34/hook",
    "https://8.8.8.8/hook",
    "https://1.1.1.1/",
    "https://[2606:4700::1111]/hook",
    "https://[2001:4860:4860::8888]/",
    "https://my.server.co.uk/hook",
    "https://hooks.example.com./hook",
  ])("accept the public endpoint %s", (url) => {
    expect(checkOutboundUrl(url, production)).toBeNull();
  });

  it.each([
    ["ftp://example.com/x", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["pas une adresse", "invalid"],
    ["http://999.1.1.1/", "invalid"],
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

  it.each([
    ["http://[64:ff9b::a00:1]/", "NAT64 of 10.0.0.1"],
    ["http://[64:ff9b::10.0.0.1]/", "NAT64 of 10.0.0.1, dotted"],
    ["http://[64:ff9b::a9fe:a9fe]/", "NAT64 of the cloud metadata address"],
    ["http://[2002:a00:1::]/", "6to4 of 10.0.0.1"],
    ["http://[2002:7f00:1::1]/", "6to4 of 127.0.0.1"],
    ["http://[fec0::1]/", "site-local"],
    ["http://[::127.0.0.1]/", "IPv4-compatible loopback"],
    ["http://[::7f00:1]/", "IPv4-compatible loopback, hex"],
    ["http://[::a9fe:a9fe]/", "IPv4-compatible metadata address"],
    ["http://[::ffff:a00:1]/", "IPv4-mapped 10.0.0.1"],
    ["http://[::ffff:0:a00:1]/", "IPv4-translated 10.0.0.1 (RFC 6145)"],
    ["http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "Teredo"],
    ["http://[64:ff9b:1::a00:1]/", "local-use NAT64 (RFC 8215) of 10.0.0.1"],
    ["http://[0:0:0:0:0:ffff:127.0.0.1]/", "IPv4-mapped loopback, written in full"],
    ["http://[::ffff:169.254.169.254]/", "IPv4-mapped metadata address"],
    ["http://[2002:a9fe:a9fe::1]/", "6to4 of the metadata address"],
    ["http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", "Teredo of client 10.0.0.1"],
    ["http://[2002:808:808::1]/", "6to4 even of a public address: no webhook endpoint needs a transition form"],
    ["http://[::]/", "unspecified"],
    ["http://[ff02::1]/", "multicast"],
    ["http://[2001:db8::1]/", "documentation"],
    ["http://[2001:2::1]/", "benchmarking"],
    ["http://[100::1]/", "discard-only"],
    ["http://[fe80::1234:5678]/", "link-local"],
    ["http://[fc00::1]/", "unique local"],
  ])("refuse %s (%s)", (url) => {
    expect(checkOutboundUrl(url, production)).toBe("private");
  });

  it.each([
    ["http://198.18.0.1/", "benchmarking"],
    ["http://192.0.2.10/", "documentation"],
    ["http://224.0.0.1/", "multicast"],
    ["http://255.255.255.255/", "broadcast"],
    ["http://240.0.0.1/", "reserved"],
    ["http://0x7f.1/", "hexadecimal loopback"],
    ["http://0177.0.0.1/", "octal loopback"],
    ["http://127.1/", "short loopback"],
    ["http://0xa9.0xfe.0xa9.0xfe/", "hexadecimal metadata address"],
  ])("refuse the IPv4 address %s (%s)", (url) => {
    expect(checkOutboundUrl(url, production)).toBe("private");
  });

  it.each([
    "http://localtest.me/",
    "http://hooks.localtest.me/",
    "http://lvh.me/",
    "http://10.0.0.1.nip.io/",
    "http://app-127-0-0-1.sslip.io/",
    "http://192.168.1.10.xip.io/",
    "http://8.8.8.8.nip.io/",
    "http://printer.lan/",
    "http://router.home.arpa/",
    "http://app.localhost/",
    "http://localhost./",
    "http://LOCALTEST.ME/",
    "http://localtest.me./",
    "http://127.0.0.1.nip.io./",
    "http://foo.localhost./",
  ])("refuse the name %s, which leads back into a private network", (url) => {
    expect(checkOutboundUrl(url, production)).toBe("private");
  });

  it("allow a local receiver when private addresses are explicitly allowed (local and test runs)", () => {
    expect(checkOutboundUrl("http://127.0.0.1:9000/hook", { allowPrivate: true })).toBeNull();
    expect(checkOutboundUrl("http://[::1]:9000/hook", { allowPrivate: true })).toBeNull();
  });

  it("still refuse a bad scheme or credentials when private addresses are allowed", () => {
    expect(checkOutboundUrl("ftp://127.0.0.1/", { allowPrivate: true })).toBe("scheme");
    expect(checkOutboundUrl("http://a:b@127.0.0.1/", { allowPrivate: true })).toBe("credentials");
  });
});

describe("isPrivateHost", () => {
  it("reads numeric hosts that did not go through URL parsing as the URL parser would", () => {
    expect(isPrivateHost("2130706433")).toBe(true);
    expect(isPrivateHost("0x7f.1")).toBe(true);
    expect(isPrivateHost("134744072")).toBe(false); // 8.8.8.8
  });

  it("refuse what looks like an address but cannot be read as one", () => {
    expect(isPrivateHost("999.1.1.1")).toBe(true);
    expect(isPrivateHost("1.2.3.0x")).toBe(true);
    expect(isPrivateHost("[fe80::zz]")).toBe(true);
  });
});
