import { describe, expect, it } from "vitest";
import { utcToWallTime } from "../factory-time";
import { groupByDay, groupKey, normalizeText, otherMember, parseConversation, parseGroupEvent, privateKey, splitText, ticketIdsIn } from "./model";

describe("conversation keys", () => {
  it("name a private pair the same way whoever writes first", () => {
    expect(privateKey(7, 3)).toBe("3-7");
    expect(privateKey(3, 7)).toBe("3-7");
    expect(parseConversation("3-7")).toEqual({ kind: "private", key: "3-7", members: [3, 7] });
    expect(otherMember(parseConversation("3-7")!, 3)).toBe(7);
    expect(otherMember(parseConversation("3-7")!, 5)).toBeNull();
  });

  it("name nothing when malformed", () => {
    for (const key of ["7-3", "3-3", "x", "3-", "-3", "03-7", "g", "g0", "g07", "G7", "g7-3"]) expect(parseConversation(key), key).toBeNull();
  });

  it("name a group by its id, its members unknown until read", () => {
    expect(groupKey(12)).toBe("g12");
    expect(parseConversation("g12")).toEqual({ kind: "group", key: "g12", groupId: 12 });
    expect(otherMember(parseConversation("g12")!, 3)).toBeNull();
  });
});

describe("a group's changes told in it", () => {
  it("are read back from their stored form, and anything else is no change", () => {
    expect(parseGroupEvent('{"kind":"added","name":"Marc Gagnon"}')).toEqual({ kind: "added", name: "Marc Gagnon" });
    for (const stored of [null, "", "pas du JSON", '{"kind":"deleted","name":"X"}', '{"kind":"added"}']) expect(parseGroupEvent(stored), String(stored)).toBeUndefined();
  });
});

describe("message text", () => {
  it("keeps inner line breaks and drops outer blank space", () => {
    expect(normalizeText("  a\r\nb\r\n\n ")).toBe("a\nb");
  });

  it("finds web links and ticket ids and leaves the rest as text", () => {
    expect(splitText("Voir TKT-M007-20261123-004, puis https://ex.test/a?b=1.")).toEqual([
      { kind: "text", text: "Voir " },
      { kind: "ticket", ticketId: "TKT-M007-20261123-004" },
      { kind: "text", text: ", puis " },
      { kind: "link", href: "https://ex.test/a?b=1", text: "https://ex.test/a?b=1" },
      { kind: "text", text: "." },
    ]);
    expect(splitText("<b>pas de HTML</b>")).toEqual([{ kind: "text", text: "<b>pas de HTML</b>" }]);
  });
});

describe("day separators", () => {
  it("follow the factory's calendar, not UTC's", () => {
    const dayOf = (d: Date) => utcToWallTime(d, "America/Toronto").date;
    const groups = groupByDay(
      [{ createdAt: "2026-11-24T03:00:00.000Z" }, { createdAt: "2026-11-24T04:30:00.000Z" }, { createdAt: "2026-11-24T05:30:00.000Z" }],
      dayOf,
    );
    expect(groups.map((g) => [g.day, g.messages.length])).toEqual([
      ["2026-11-23", 2],
      ["2026-11-24", 1],
    ]);
  });
});

describe("ticketIdsIn", () => {
  it("finds each ticket id once, whatever the prefix settings gave it, and nothing in plain words", () => {
    expect(ticketIdsIn("TKT-M007-20261123-004 puis AB12-M120-20261201-011, encore TKT-M007-20261123-004")).toEqual([
      "TKT-M007-20261123-004",
      "AB12-M120-20261201-011",
    ]);
    expect(ticketIdsIn("la presse M007 du 20261123")).toEqual([]);
  });

  it("finds the ids tickets brought from the old system keep (TYP-MMYY-NNNN), and no phone number", () => {
    expect(ticketIdsIn("Voir ROB-1125-0040 et DÉC-0126-0007, pas le 514-555-1234 ni xROB-1125-0040")).toEqual(["ROB-1125-0040", "DÉC-0126-0007"]);
  });
});
