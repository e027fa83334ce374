// The headers every answer of the worker carries: pages, route handlers (/logo,
// media, CSV exports, /api/auth/*) and the worker's own 404s. Static files are
// served by the assets binding before the worker runs; public/_headers gives them
// the same fixed headers (all but the CSP nonce, which only HTML needs).
//
// Set in worker.ts rather than in a Next proxy.ts: OpenNext runs a Node proxy only
// as an experimental feature, and Next reads the nonce from the request's
// Content-Security-Policy header, which the worker can set just as well before the
// app sees the request. Next then puts the nonce on every script it writes into
// the page (its inline RSC payload and bootstrap included); 'strict-dynamic' lets
// those scripts load the chunks they need. Pages are already rendered per request
// (they read the session), so the nonce costs no static page.

export const NONCE_BYTES = 16;

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one answer. Photos and the logo come from our own routes; photo
 * previews and voice notes play from blob: URLs; the live socket is same-host
 * ws(s). Style attributes stay allowed (React writes a few, Next's default error
 * pages too) while style elements need the nonce: a style attribute cannot run
 * script, and img-src keeps it from calling out.
 */
export function contentSecurityPolicy(nonce: string, url: URL): string {
  const https = url.protocol === "https:";
  const socket = `${https ? "wss" : "ws"}://${url.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self' ${socket}`,
    // The service worker (public/sw.js): without this, worker-src falls back to
    // script-src, where 'strict-dynamic' ignores 'self' and the registration fails.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Camera and microphone for the app itself (photos, voice notes, calls); every other sensor off. */
export const PERMISSIONS_POLICY = [
  "camera=(self)",
  "microphone=(self)",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "bluetooth=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

/** Everything but the CSP: the same for every answer, static files included (public/_headers). */
export function fixedSecurityHeaders(url: URL): Record<string, string> {
  return {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    // Only over https: on http a browser ignores it, and a local run must stay reachable.
    ...(url.protocol === "https:" ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

type IncomingRequest = Request<unknown, IncomingRequestCfProperties>;
type Fetch<Env> = (request: IncomingRequest, env: Env, ctx: ExecutionContext) => Promise<Response>;

/**
 * The worker's fetch with the headers added: a fresh nonce per request, put in the
 * request's CSP header for Next to read and in the answer's. A header a route set
 * itself (the logo's stricter CSP) is kept. WebSocket upgrades pass untouched.
 */
export function withSecurityHeaders<Env>(fetch: Fetch<Env>): Fetch<Env> {
  return async (request, env, ctx) => {
    const url = new URL(request.url);
    const policy = contentSecurityPolicy(createNonce(), url);
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    headers.delete("content-security-policy-report-only");
    const response = await fetch(new Request(request, { headers }) as IncomingRequest, env, ctx);
    if (response.status === 101 || response.webSocket) return response;
    const secured = new Response(response.body, response);
    for (const [name, value] of Object.entries({ "content-security-policy": policy, ...fixedSecurityHeaders(url) })) {
      if (!secured.headers.has(name)) secured.headers.set(name, value);
    }
    return secured;
  };
}
