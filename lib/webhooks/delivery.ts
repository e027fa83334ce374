import { signWebhook } from "./signature";

export const DEFAULT_TIMEOUT_MS = 10_000;
const BODY_LIMIT = 1024;

export interface DeliveryRequest {
  url: string;
  /** Standard Webhooks message id: the same on every retry of one notification. */
  id: string;
  body: string;
  secret?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface DeliveryResult {
  ok: boolean;
  status: number | null;
  /** First 1 KB of the answer. */
  body: string | null;
  error: string | null;
  durationMs: number;
}

async function readStart(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < BODY_LIMIT) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder().decode(bytes.subarray(0, BODY_LIMIT));
}

/**
 * One POST, signed when a secret is set, bounded by a timeout that covers the
 * whole exchange. Redirects are not followed: a hook that moved is a failure
 * the admin must see, not a request silently sent elsewhere.
 */
export async function deliverWebhook(request: DeliveryRequest): Promise<DeliveryResult> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = request.fetch ?? fetch;
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Atelier-Webhooks/1.0",
    "webhook-id": request.id,
    "webhook-timestamp": String(timestamp),
  };
  if (request.secret) headers["webhook-signature"] = await signWebhook(request.secret, request.id, timestamp, request.body);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = Date.now();
  const finish = (result: Omit<DeliveryResult, "durationMs">): DeliveryResult => ({ ...result, durationMs: Date.now() - started });
  try {
    const response = await doFetch(request.url, {
      method: "POST",
      headers,
      body: request.body,
      redirect: "manual",
      signal: controller.signal,
    });
    const body = await readStart(response);
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      return finish({ ok: false, status: response.status, body, error: `redirection non suivie${location ? ` vers ${location}` : ""}` });
    }
    const ok = response.status >= 200 && response.status < 300;
    return finish({ ok, status: response.status, body, error: ok ? null : `HTTP ${response.status}` });
  } catch (error) {
    if (controller.signal.aborted) {
      return finish({ ok: false, status: null, body: null, error: `délai dépassé (${Math.round(timeoutMs / 1000)} s)` });
    }
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return finish({ ok: false, status: null, body: null, error: `erreur réseau : ${message}`.slice(0, 500) });
  } finally {
    clearTimeout(timer);
  }
}
