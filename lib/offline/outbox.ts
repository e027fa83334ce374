// What the outbox keeps on the device (public/sw.js holds it in IndexedDB and sends
// it to /outbox, app/(app)/outbox/route.ts): one entry per action a page could not
// send. Shared by the page's side (components/offline/) and its tests; no catalogue.

/** The actions kept when the network is gone; /outbox maps each to its operation. */
export const outboxKinds = ["report", "comment", "move", "finish", "message", "media", "voice"] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** A form's value as the entry keeps it: text, or a file (a photo, a voice note). */
export type EntryValue = string | File;

export interface OutboxEntry {
  /** The device's id for the action, sent with it every time: the server writes it once. */
  clientId: string;
  kind: OutboxKind;
  /** The operation's input, as a form sends it (files included). */
  fields: [string, EntryValue][];
  /** Where it shows: the ticket's id (comment, move, finish), the conversation's key (message); null for a report. */
  scope: string | null;
  /** What the person sees of it while it waits: a ticket id or a title, and its text. */
  subject: string;
  text: string;
  /** ISO time it was made. */
  createdAt: string;
  /** The id of the person who made it; only their session sends it (set by the service worker). */
  owner: string;
  /** waiting: sent at the next chance; refused: the server said no, the person decides (retry or discard). */
  state: "waiting" | "refused";
  /** The server's words for a refusal, or "signedOut" while it waits for its owner's session. */
  error: string | null;
}

/** An entry sent by the service worker, with the operation's answer. */
export interface SentEntry {
  clientId: string;
  kind: OutboxKind;
  scope: string | null;
  data: unknown;
}

/** What a page tells the service worker, and what it hears back (public/sw.js reads the same shapes). */
export type WorkerRequest =
  | { type: "session"; userId: number; locale: string }
  | { type: "signed-out" }
  | { type: "seen"; path: string }
  | { type: "outbox-put"; entry: Omit<OutboxEntry, "owner" | "state" | "error"> }
  | { type: "outbox-retry" | "outbox-discard"; clientId: string }
  | { type: "outbox-flush" | "outbox-list" };

export interface OutboxBroadcast {
  type: "outbox";
  entries: OutboxEntry[];
  sent: SentEntry[];
}

/** A form's data as an entry keeps it: an empty file input sends an empty part, which is no file at all. */
export function entryFields(data: FormData): [string, EntryValue][] {
  return [...data.entries()].filter(([, value]) => typeof value === "string" || value.size > 0).map(([name, value]) => [name, value]);
}

/** How many photos and voice notes an entry carries. */
export function entryFiles(entry: Pick<OutboxEntry, "fields">): { photos: number; audio: number } {
  let photos = 0;
  let audio = 0;
  for (const [name, value] of entry.fields) {
    if (typeof value === "string") continue;
    if (name === "audio") audio++;
    else photos++;
  }
  return { photos, audio };
}

/** The operation's answer said the action was kept on the device, not written yet. */
export interface Queued {
  queued: string;
}

export function isQueued(data: unknown): data is Queued {
  return typeof data === "object" && data !== null && typeof (data as Queued).queued === "string";
}
