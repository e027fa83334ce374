import { describe, expect, it } from "vitest";
import { flag, instant, int, text } from "./export";
import { readExport } from "./read-export";

describe("the old system's values", () => {
  it("read its UTC text dates as the same instants, with or without a T, a Z or milliseconds", () => {
    expect(instant("2026-12-04 06:00:00")?.toISOString()).toBe("2026-12-04T06:00:00.000Z");
    expect(instant("2026-12-06T20:20:18.170Z")?.toISOString()).toBe("2026-12-06T20:20:18.170Z");
    expect(instant("2026-12-06T15:20:18-05:00")?.toISOString()).toBe("2026-12-06T20:20:18.000Z");
    expect(instant("2026-12-15")?.toISOString()).toBe("2026-12-15T00:00:00.000Z");
    expect(instant("2026-12-15 07:00")?.toISOString()).toBe("2026-12-15T07:00:00.000Z");
  });

  it("read no date from NULL, an empty text, the text 'null' or anything else", () => {
    for (const value of [null, undefined, "", "null", "hier", "2026-13-45 99:00:00"]) expect(instant(value)).toBeNull();
  });

  it("read integers, booleans and text whatever SQLite typed them as", () => {
    expect(int("42")).toBe(42);
    expect(int(7n)).toBe(7);
    expect(int("4x")).toBeNull();
    expect(flag(1)).toBe(true);
    expect(flag("0")).toBe(false);
    expect(flag(null, true)).toBe(true);
    expect(text("null")).toBeNull();
    expect(text(12)).toBe("12");
  });
});

describe("an export read", () => {
  it("keys each row by its columns, whatever their order, and keeps the dump's escapes and line breaks", () => {
    const exported = readExport(`PRAGMA defer_foreign_keys=TRUE;
CREATE TABLE ticket_comments (ticket_id INTEGER, id INTEGER PRIMARY KEY, comment TEXT, extra TEXT, FOREIGN KEY (ticket_id) REFERENCES tickets(id));
INSERT INTO "ticket_comments" VALUES(5,1,replace('Ligne 1\\nL''huile ; fuit','\\n',char(10)),NULL);
INSERT INTO ticket_comments (id, comment, ticket_id) VALUES (2, 'deux', 5);
CREATE TABLE tickets (id INTEGER PRIMARY KEY);`);
    expect(exported.tables.ticket_comments!.columns).toEqual(["ticket_id", "id", "comment", "extra"]);
    expect(exported.tables.ticket_comments!.rows).toEqual([
      { ticket_id: 5, id: 1, comment: "Ligne 1\nL'huile ; fuit", extra: null },
      { ticket_id: 5, id: 2, comment: "deux", extra: null },
    ]);
    expect(exported.tables.tickets!.rows).toEqual([]);
  });

  it("refuses a file that is not SQL with the reason", () => {
    expect(() => readExport("ceci n'est pas un export")).toThrow(/syntax error/);
  });
});
