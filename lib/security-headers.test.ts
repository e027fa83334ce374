import { readFileSync } from "node:fs";
import path from "node:path";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, fixedSecurityHeaders, withSecurityHeaders } from "./security-headers";

const ctx = {} as ExecutionContext;
const incoming = (url: string, init?: RequestInit) => new Request(url, init) as Request<unknown, IncomingRequestCfProperties>;

function secured(answer: (request: Request) => Response) {
  const seen: Request[] = [];
  const fetch = withSecurityHeaders<unknown>(async (request) => {
    seen.push(request);
    return answer(request);
  });
  return { fetch: (url: string) => fetch(incoming(url), {}, ctx), seen };
}

describe("security headers", () => {
  it("give Next the nonce in the request's CSP, the one the answer's CSP allows", async () => {
    const { fetch, seen } = secured(() => new Response("<html></html>", { headers: { "content-type": "text/html" } }));
    const response = await fetch("https://atelier.example.com/tickets");
    const requestPolicy = seen[0]!.headers.get("content-security-policy")!;
    const nonce = getScriptNonceFromHeader(requestPolicy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(response.headers.get("content-security-policy")).toBe(requestPolicy);
    expect(requestPolicy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(requestPolicy).not.toContain("unsafe-eval");
  });

  it("use a new nonce for every request", async () => {
    const { fetch, seen } = secured(() => new Response("ok"));
    await fetch("https://atelier.example.com/");
    await fetch("https://atelier.example.com/");
    const [a, b] = seen.map((r) => getScriptNonceFromHeader(r.headers.get("content-security-policy")!));
    expect(a).not.toBe(b);
  });

  it("ignore a CSP the client sent, so no one chooses the nonce", async () => {
    const seen: Request[] = [];
    const fetch = withSecurityHeaders<unknown>(async (request) => (seen.push(request), new Response("ok")));
    const headers = { "content-security-policy": "script-src 'nonce-chosen'", "content-security-policy-report-only": "script-src 'nonce-x'" };
    await fetch(incoming("https://atelier.example.com/", { headers }), {}, ctx);
    expect(getScriptNonceFromHeader(seen[0]!.headers.get("content-security-policy")!)).not.toBe("chosen");
    expect(seen[0]!.headers.has("content-security-policy-report-only")).toBe(false);
  });

  it("forbid framing, sniffing and full referrers, and leave camera and microphone to the app alone", async () => {
    const { fetch } = secured(() => new Response("ok"));
    const headers = (await fetch("https://atelier.example.com/admin/users")).headers;
    expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("permissions-policy")).toContain("camera=(self), microphone=(self), geolocation=()");
  });

  it("send HSTS and upgrade requests only over https", async () => {
    const { fetch } = secured(() => new Response("ok"));
    const https = (await fetch("https://atelier.example.com/")).headers;
    const http = (await fetch("http://localhost:8787/")).headers;
    expect(https.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(https.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(http.has("strict-transport-security")).toBe(false);
    expect(http.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("let the live socket reach this host only", () => {
    expect(contentSecurityPolicy("n", new URL("https://atelier.example.com/x"))).toContain("connect-src 'self' wss://atelier.example.com;");
    expect(contentSecurityPolicy("n", new URL("http://localhost:8787/x"))).toContain("connect-src 'self' ws://localhost:8787;");
  });

  it("keep a stricter header a route set itself", async () => {
    const { fetch } = secured(() => new Response("png", { headers: { "content-security-policy": "default-src 'none'" } }));
    const headers = (await fetch("https://atelier.example.com/logo")).headers;
    expect(headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(headers.get("x-frame-options")).toBe("DENY");
  });

  it("keep the answer's status, body and own headers", async () => {
    const { fetch } = secured(() => new Response("gone", { status: 404, headers: { "cache-control": "no-store" } }));
    const response = await fetch("https://atelier.example.com/internal/x");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("gone");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("are the same for static files (public/_headers), but for HSTS and the per-page CSP", () => {
    const file = readFileSync(path.join(import.meta.dirname, "..", "public", "_headers"), "utf8");
    const rules = Object.fromEntries(
      file
        // The rule for every path ("/*"); later rules (the build's hashed files) only add caching.
        .split(/^\/\S+\n/m)[1]!
        .split("\n")
        .filter((line) => /^\s+\S+:/.test(line))
        .map((line) => {
          const [name, ...value] = line.trim().split(":");
          return [name!.toLowerCase(), value.join(":").trim()];
        }),
    );
    expect(rules).toEqual(fixedSecurityHeaders(new URL("http://localhost/")));
  });
});
