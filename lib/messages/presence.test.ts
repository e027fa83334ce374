import { describe, expect, it } from "vitest";
import { nextPresenceCheck, onlineUsers, PING_MS, samePresence, STALE_MS, type SocketPresence } from "./presence";

const now = 1_000_000;
const socket = (userId: number | null, ago: number, hidden = false): SocketPresence => ({ userId, hidden, lastSeen: now - ago });

describe("who is online", () => {
  it("is everyone with a socket opened or pinged within the last STALE_MS, each once, sorted", () => {
    expect(onlineUsers([socket(7, 0), socket(3, STALE_MS - 1), socket(7, 10_000), socket(5, STALE_MS)], now)).toEqual([3, 7]);
  });

  it("never shows a person who hides their presence, nor a shop screen", () => {
    expect(onlineUsers([socket(4, 0, true), socket(null, 0), socket(9, 0)], now)).toEqual([9]);
  });

  it("keeps a page that pings on time, and lets one that vanished go within a minute", () => {
    expect(STALE_MS).toBeGreaterThan(2 * PING_MS);
    expect(STALE_MS).toBeLessThan(60_000);
  });
});

describe("when the hub looks again", () => {
  it("is when the first person online would go stale, by their freshest socket", () => {
    const sockets = [socket(7, 30_000), socket(7, 5_000), socket(3, 20_000), socket(2, 0, true)];
    expect(nextPresenceCheck(sockets, now)).toBe(now - 20_000 + STALE_MS);
  });

  it("is never while nobody is online: the hub sleeps", () => {
    expect(nextPresenceCheck([socket(4, 0, true), socket(null, 0), socket(8, STALE_MS + 1)], now)).toBeNull();
  });
});

describe("a change of presence", () => {
  it("is a different set of people", () => {
    expect(samePresence([1, 2], [1, 2])).toBe(true);
    expect(samePresence([1, 2], [1])).toBe(false);
    expect(samePresence([1, 3], [1, 2])).toBe(false);
  });
});
