// WHO IS ONLINE: the people with Atelier open, as the conversation hub sees their
// live sockets (lib/messages/live-hub.ts), with no polling of its own. A page pings
// its socket every PING_MS and the runtime answers without waking the hub, noting
// when (getWebSocketAutoResponseTimestamp): a socket pinged or opened within
// STALE_MS is someone there. A page closed says so at once (its socket closes);
// a phone gone out of range stops pinging, and is gone after STALE_MS. Pure, so the
// hub and its tests share it.

/** How often a page pings its live socket (components/messages/live-provider.tsx). */
export const PING_MS = 20_000;
/** Past this without a ping, a socket's page is gone: two pings missed, and gone within a minute of leaving. */
export const STALE_MS = 50_000;
/**
 * A socket closed: who is online is worked out again this long after, once. A page
 * that moves between the app's two layouts closes its socket and opens another at
 * once: its person never seems to leave.
 */
export const SETTLE_MS = 4_000;

/** One socket, as presence reads it. */
export interface SocketPresence {
  /** Null for a shop screen's socket: screens are nobody. */
  userId: number | null;
  /** The person chose not to appear (their profile). */
  hidden: boolean;
  /** The later of its opening and its last ping, in ms. */
  lastSeen: number;
}

const fresh = (socket: SocketPresence, now: number) => now - socket.lastSeen < STALE_MS;

/** The people online: a fresh socket of theirs, not hidden. Sorted ids, each once. */
export function onlineUsers(sockets: SocketPresence[], now: number): number[] {
  const ids = new Set<number>();
  for (const socket of sockets) if (socket.userId !== null && !socket.hidden && fresh(socket, now)) ids.add(socket.userId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * When to look again, so that someone whose page vanished without closing clears on
 * time: the moment the first person online would go stale (their freshest socket
 * plus STALE_MS). Null while nobody is online: the hub then sleeps until a socket
 * opens or closes.
 */
export function nextPresenceCheck(sockets: SocketPresence[], now: number): number | null {
  const latest = new Map<number, number>();
  for (const socket of sockets) {
    if (socket.userId === null || socket.hidden || !fresh(socket, now)) continue;
    latest.set(socket.userId, Math.max(latest.get(socket.userId) ?? 0, socket.lastSeen));
  }
  return latest.size ? Math.min(...latest.values()) + STALE_MS : null;
}

export function samePresence(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
