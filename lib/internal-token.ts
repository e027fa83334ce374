// One-time tokens that let worker.ts hand a cron run or a queued job to the Next app
// in the same isolate. worker.ts and the Next bundle are separate module graphs, so the set
// lives on globalThis under a registered symbol both can reach.
const KEY = Symbol.for("atelier.internal-tokens");

function tokens(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (holder[KEY] ??= new Set<string>());
}

export const INTERNAL_TOKEN_HEADER = "x-atelier-internal-token";

export function issueInternalToken(): string {
  const token = crypto.randomUUID();
  tokens().add(token);
  return token;
}

/** True once per issued token; anything else (absent, forged, replayed) is false. */
export function consumeInternalToken(token: string | null): boolean {
  if (!token) return false;
  return tokens().delete(token);
}

/** A POST to an internal route of the app (app/internal/), with its one-time token. */
export function internalRequest(path: `/internal/${string}`, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { [INTERNAL_TOKEN_HEADER]: issueInternalToken(), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
