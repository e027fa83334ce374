import { describe, expect, it } from "vitest";
import { HIT_END, HIT_START, MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, parseSearch, toSegments } from "./model";

describe("a typed search", () => {
  it("becomes quoted prefix words, every one required", () => {
    expect(parseSearch("  Presse hydrau ").match).toBe('"Presse"* "hydrau"*');
    expect(parseSearch("TKT-M007-20261123-004").words).toEqual(["TKT", "M007", "20261123", "004"]);
  });

  it("cannot inject FTS5 syntax: quotes, operators and column filters are only separators or plain words", () => {
    const search = parseSearch('title:"x" OR NEAR(a b) * ^c');
    expect(search.match).toBe('"title"* "x"* "OR"* "NEAR"* "a"* "b"* "c"*');
  });

  it("keeps letters of every script and accents (the index folds them)", () => {
    expect(parseSearch("écran l’huile").words).toEqual(["écran", "l", "huile"]);
  });

  it("is cut at 100 characters, never refused; a 300-character paste still searches", () => {
    const search = parseSearch("a".repeat(300));
    expect(search.cut).toBe(true);
    expect(Array.from(search.text)).toHaveLength(MAX_SEARCH_CHARS);
    expect(search.match).toBe(`"${"a".repeat(MAX_SEARCH_CHARS)}"*`);
    expect(parseSearch("é".repeat(300)).text).toBe("é".repeat(MAX_SEARCH_CHARS));
  });

  it(`keeps at most ${MAX_SEARCH_WORDS} words`, () => {
    const search = parseSearch("un deux trois quatre cinq six sept huit neuf dix");
    expect(search.words).toHaveLength(MAX_SEARCH_WORDS);
    expect(search.cut).toBe(true);
  });

  it("with nothing to search (empty, blank, only symbols) has no match and is not cut", () => {
    for (const typed of [undefined, "", "   ", "?!-", ["", "x"]]) expect(parseSearch(typed).match).toBeNull();
    expect(parseSearch(["presse", "x"]).match).toBe('"presse"*');
    expect(parseSearch("").cut).toBe(false);
  });
});

describe("highlighted text", () => {
  it("is split into plain and matched segments", () => {
    expect(toSegments(`La ${HIT_START}presse${HIT_END} 4 est ${HIT_START}repartie${HIT_END}`)).toEqual([
      { text: "La ", hit: false },
      { text: "presse", hit: true },
      { text: " 4 est ", hit: false },
      { text: "repartie", hit: true },
    ]);
  });

  it("keeps markup as text (React escapes it) and copes with nothing", () => {
    expect(toSegments(`<script>${HIT_START}x${HIT_END}</script>`)).toEqual([
      { text: "<script>", hit: false },
      { text: "x", hit: true },
      { text: "</script>", hit: false },
    ]);
    expect(toSegments(null)).toEqual([]);
  });
});
