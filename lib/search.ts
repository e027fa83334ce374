// What a user types in a search box, made safe for Prisma's `contains` on D1.
//
// Prisma writes `contains` as LIKE ('%' || ? || '%') and D1 refuses a LIKE
// pattern over 50 bytes ("LIKE or GLOB pattern too complex", a 500): the term
// is cut, on a character boundary, so that the pattern fits. SQLite's LIKE has
// no escape character unless the statement names one, so createDb (lib/db.ts)
// adds ESCAPE '\' to that exact form and the term's \ % _ are escaped here:
// every `contains` in the app must therefore be built by searchText().

/** D1's SQLITE_MAX_LIKE_PATTERN_LENGTH, in bytes, less the two '%' around the term. */
export const MAX_SEARCH_BYTES = 50 - 2;

export const LIKE_ESCAPE = "\\";

const encoder = new TextEncoder();

/** A Prisma `contains` filter matching the typed text literally, or null when nothing is left to search. */
export function searchText(raw: string | null | undefined): { contains: string } | null {
  const typed = raw?.trim();
  if (!typed) return null;
  let pattern = "";
  let bytes = 0;
  for (const character of typed) {
    const escaped = /[\\%_]/.test(character) ? LIKE_ESCAPE + character : character;
    bytes += encoder.encode(escaped).length;
    if (bytes > MAX_SEARCH_BYTES) break;
    pattern += escaped;
  }
  return { contains: pattern };
}

/** The SQL Prisma writes for `contains`, with the escape character searchText() relies on. */
export function withLikeEscape(sql: string): string {
  return sql.replaceAll("LIKE ('%' || ? || '%')", `LIKE ('%' || ? || '%') ESCAPE '${LIKE_ESCAPE}'`);
}
