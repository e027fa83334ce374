import { describe, expect, it } from "vitest";
import { MAX_LIKE_TERM_BYTES, literalContains, addLikeEscapeClause } from "./like-pattern";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("literalContains", () => {
  it("keeps a short search as typed, trimmed", () => {
    expect(literalContains("  Presse 250T ")).toEqual({ contains: "Presse 250T" });
  });
  it("searches nothing for an empty or blank box", () => {
    expect(literalContains("")).toBeNull();
    expect(literalContains("   ")).toBeNull();
    expect(literalContains(undefined)).toBeNull();
  });
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(literalContains("50%")).toEqual({ contains: "50\\%" });
    expect(literalContains("C_100")).toEqual({ contains: "C\\_100" });
    expect(literalContains("a\\b")).toEqual({ contains: "a\\\\b" });
  });
  it.each([
    ["300 ASCII characters", "x".repeat(300)],
    ["25 × é", "é".repeat(25)],
    ["300 × %", "%".repeat(300)],
    ["emoji", "🔧".repeat(40)],
  ])("cuts %s to what D1's LIKE accepts, on a character boundary", (_name, typed) => {
    const { contains } = literalContains(typed)!;
    expect(bytes(contains)).toBeLessThanOrEqual(MAX_LIKE_TERM_BYTES);
    expect(contains.length).toBeGreaterThan(0);
    expect(typed.startsWith(contains.replaceAll("\\", ""))).toBe(true);
  });
  it("never cuts between the escape character and what it escapes", () => {
    const { contains } = literalContains(`${"a".repeat(MAX_LIKE_TERM_BYTES - 1)}%`)!;
    expect(contains).toBe("a".repeat(MAX_LIKE_TERM_BYTES - 1));
  });
});

describe("addLikeEscapeClause", () => {
  it("names the escape character on Prisma's contains, and only there", () => {
    expect(addLikeEscapeClause("WHERE `title` LIKE ('%' || ? || '%') OR `key` LIKE (? || '%')")).toBe(
      "WHERE `title` LIKE ('%' || ? || '%') ESCAPE '\\' OR `key` LIKE (? || '%')",
    );
  });
});
