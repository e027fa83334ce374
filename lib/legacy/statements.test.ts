import { describe, expect, it } from "vitest";
import { emptyReport } from "./report";
import { emptyRows, type ImportPlan } from "./rows";
import { importFile, importStatements, literal, MAX_ROWS_PER_INSERT, MAX_STATEMENT_BYTES, MAX_TEXT_BYTES } from "./statements";

const now = new Date("2026-12-07T12:00:00.000Z");
const bytes = (text: string) => new TextEncoder().encode(text).length;

function planWithComments(contents: string[]): ImportPlan {
  const rows = emptyRows();
  rows.ticket_comments = contents.map((content, i) => ({
    id: i + 1,
    ticket_id: 1,
    user_id: 1,
    content,
    created_at: now,
    updated_at: now,
    author_name: null,
  }));
  return { rows, files: [], report: emptyReport() };
}

describe("the import's SQL", () => {
  it("writes values as literals: quotes doubled, dates as Atelier stores them, NUL dropped", () => {
    expect(literal("L'huile")).toBe("'L''huile'");
    expect(literal(now)).toBe("'2026-12-07T12:00:00.000+00:00'");
    expect(literal(null)).toBe("NULL");
    expect(literal(42)).toBe("42");
    expect(literal(Number.NaN)).toBe("NULL");
    expect(literal("a\u0000b")).toBe("'ab'");
  });

  it("never lets a text hold the words wrangler strips from a file it runs", () => {
    const sql = literal("Note: BEGIN TRANSACTION puis COMMIT;");
    expect(sql).not.toContain("BEGIN TRANSACTION");
    expect(sql).toBe("'Note: BEGIN TRANS' || 'ACTION puis COMMIT;'");
  });

  it("starts with the statement that refuses a database holding data and records the import", () => {
    const [guard] = importStatements(planWithComments([]), now);
    expect(guard).toMatch(/^INSERT INTO audit_logs/);
    expect(guard).toContain("CASE WHEN EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM machines) OR EXISTS (SELECT 1 FROM tickets) OR EXISTS (SELECT 1 FROM messages) THEN NULL ELSE 'legacy.imported' END");
  });

  it("groups rows into statements within D1's statement size and SQLite's row limit", () => {
    const many = importStatements(planWithComments(Array.from({ length: 450 }, (_, i) => `Commentaire ${i}`)), now).slice(1);
    expect(many.map((s) => s.split("\n").length - 1)).toEqual([MAX_ROWS_PER_INSERT, MAX_ROWS_PER_INSERT, 50]);
    const large = importStatements(planWithComments(Array.from({ length: 40 }, () => "é".repeat(10_000))), now).slice(1);
    expect(large.length).toBeGreaterThan(1);
    for (const statement of large) expect(bytes(statement)).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
  });

  it("writes a text too long for one statement in pieces appended to its row", () => {
    const long = `${"x".repeat(MAX_TEXT_BYTES)}${"y".repeat(MAX_TEXT_BYTES)}z`;
    const statements = importStatements(planWithComments([long]), now).slice(1);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toBe(`UPDATE ticket_comments SET content = content || '${"y".repeat(MAX_TEXT_BYTES)}' WHERE id = 1`);
    expect(statements[2]).toBe("UPDATE ticket_comments SET content = content || 'z' WHERE id = 1");
    for (const statement of statements) expect(bytes(statement)).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
  });

  it("updates a setting that exists rather than failing on it", () => {
    const plan = planWithComments([]);
    plan.rows.settings.push({ key: "timeZone", value: '"America/Toronto"', updated_at: now });
    expect(importStatements(plan, now).at(-1)).toContain("ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
  });

  it("makes one file of the statements, each ended", () => {
    expect(importFile(["SELECT 1", "SELECT 2"])).toBe("SELECT 1;\nSELECT 2;\n");
  });
});
