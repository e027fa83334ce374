// The page's side of the outbox: an action is sent as usual, and when the network
// is gone (or goes while it is sent) it is handed to the service worker, which keeps
// it in IndexedDB and sends it when the network returns (public/sw.js). Every action
// sent this way carries a client id from its first try, so a try whose answer was
// lost and its later send are written once (lib/tickets/replay.ts).
import type { ActionResult } from "@/lib/operation";
import { entryFields, type OutboxKind, type Queued, type WorkerRequest } from "@/lib/offline/outbox";

const WORKER_TIMEOUT_MS = 5_000;

/** The active service worker, or null when this browser has none (yet). */
async function activeWorker(): Promise<ServiceWorker | null> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return null;
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), WORKER_TIMEOUT_MS)),
  ]);
  return registration?.active ?? null;
}

/** Tells the service worker; resolves true once it says it is done. */
export async function tellWorker(request: WorkerRequest): Promise<boolean> {
  const worker = await activeWorker();
  if (!worker) return false;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), WORKER_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<{ ok: boolean }>) => {
      clearTimeout(timer);
      resolve(event.data.ok);
    };
    worker.postMessage(request, [channel.port2]);
  });
}

/** What the person sees of a kept action until it is sent. */
export interface EntryAbout {
  scope?: string | number | null;
  subject: string;
  text?: string;
}

/** Keeps the action in the outbox; false when this browser cannot (no service worker). */
export function keepForLater(kind: OutboxKind, data: FormData, about: EntryAbout): Promise<boolean> {
  const fields = entryFields(data);
  const clientId = fields.find(([name]) => name === "clientId")?.[1];
  return tellWorker({
    type: "outbox-put",
    entry: {
      clientId: typeof clientId === "string" ? clientId : crypto.randomUUID(),
      kind,
      fields: fields.filter(([name]) => name !== "clientId"),
      scope: about.scope == null ? null : String(about.scope),
      subject: about.subject,
      text: about.text ?? "",
      createdAt: new Date().toISOString(),
    },
  });
}

/** The request never reached an answer (no network, or it went mid-way); a refusal or a server error is an answer. */
function lostConnection(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== "undefined" && navigator.onLine === false);
}

/**
 * Sends the action with `send` (its server action), or keeps it for later when
 * the network is gone: the answer is then `{ ok: true, data: { queued } }`. The
 * data gets a client id first, unless `send` leaves it out of its first try (the
 * board's move, whose refusals are worded for the board).
 */
export async function submitOrQueue<T>(
  kind: OutboxKind,
  input: FormData | Record<string, string | number>,
  send: (data: FormData) => Promise<ActionResult<T>>,
  about: EntryAbout,
): Promise<ActionResult<T | Queued>> {
  const data = input instanceof FormData ? input : new FormData();
  if (!(input instanceof FormData)) for (const [name, value] of Object.entries(input)) data.set(name, String(value));
  if (!data.get("clientId")) data.set("clientId", crypto.randomUUID());
  if (navigator.onLine) {
    try {
      return await send(data);
    } catch (error) {
      if (!lostConnection(error)) throw error;
    }
  }
  if (!(await keepForLater(kind, data, about))) throw new TypeError("offline, and no service worker to keep the action");
  return { ok: true, data: { queued: String(data.get("clientId")) } };
}
