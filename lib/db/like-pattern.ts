// What a user types, matched literally by Prisma's `contains` on D1.
//
// Prisma writes `contains` as LIKE ('%' || ? || '%') and D1 refuses a LIKE
// pattern over 50 bytes ("LIKE or GLOB pattern too complex", a 500): the term
// is cut, on a character boundary, so that the pattern fits. SQLite's LIKE has
// no escape character unless the statement names one, so every client's binding
// (createDb) adds ESCAPE '\' to that exact form and literalContains() escapes the
// term's \ % _: every `contains` in the app must therefore be built by it.
import { editingStatements } from "./edit-statements";

/** D1's SQLITE_MAX_LIKE_PATTERN_LENGTH, in bytes, less the two '%' around the term. */
export const MAX_LIKE_TERM_BYTES = 50 - 2;

export const LIKE_ESCAPE = "\\";

const encoder = new TextEncoder();

/** A Prisma `contains` filter matching the typed text literally, or null when nothing is left to match. */
export function literalContains(raw: string | null | undefined): { contains: string } | null {
  const typed = raw?.trim();
  if (!typed) return null;
  let pattern = "";
  let bytes = 0;
  for (const character of typed) {
    const escaped = /[\\%_]/.test(character) ? LIKE_ESCAPE + character : character;
    bytes += encoder.encode(escaped).length;
    if (bytes > MAX_LIKE_TERM_BYTES) break;
    pattern += escaped;
  }
  return { contains: pattern };
}

/** The SQL Prisma writes for `contains`, with the escape character literalContains() relies on. */
export function addLikeEscapeClause(sql: string): string {
  return sql.replaceAll("LIKE ('%' || ? || '%')", `LIKE ('%' || ? || '%') ESCAPE '${LIKE_ESCAPE}'`);
}

/** A binding whose every `contains` statement names the escape character. */
export const withLikeEscape = (d1: D1Database): D1Database => editingStatements(d1, addLikeEscapeClause);
