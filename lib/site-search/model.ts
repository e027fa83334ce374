// What a search is before it reaches the index: the typed text cut to a sane
// length, its words, and the FTS5 query they make; and how a matched text
// comes back as segments to highlight (never as HTML).

/** Longer searches are cut, not refused: nobody means 300 characters, but a paste should still work. */
export const MAX_SEARCH_CHARS = 100;
/** Words past this add nothing but cost: every word must match. */
export const MAX_SEARCH_WORDS = 8;
/** Results shown per kind; one more is read to know there are more. */
export const RESULTS_PER_KIND = 20;

export interface ParsedSearch {
  /** The text searched, as shown back in the box (trimmed, cut). */
  text: string;
  /** The typed text was longer than MAX_SEARCH_CHARS (or had more words than MAX_SEARCH_WORDS). */
  cut: boolean;
  /** Words as the index reads them: letters and digits, any script. */
  words: string[];
  /** The FTS5 MATCH expression: every word, each as a prefix ("pres" finds "presse"); null when there is nothing to search. */
  match: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function parseSearch(raw: string | string[] | null | undefined): ParsedSearch {
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const characters = Array.from(typed);
  const text = characters.slice(0, MAX_SEARCH_CHARS).join("").trim();
  const found = text.match(WORD) ?? [];
  const words = found.slice(0, MAX_SEARCH_WORDS);
  // Each word is quoted, so FTS5 reads it as a plain string whatever it spells (AND, NEAR, column names).
  const match = words.length ? words.map((word) => `"${word}"*`).join(" ") : null;
  return { text, cut: characters.length > MAX_SEARCH_CHARS || found.length > MAX_SEARCH_WORDS, words, match };
}

// Private-use characters as FTS5 highlight() / snippet() markers: they never
// come from a keyboard, and whatever a stored text holds, the result is text
// segments that React escapes, so a match cannot inject markup.
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";
export const ELLIPSIS = "…";

export interface Segment {
  text: string;
  hit: boolean;
}

/** A text marked by highlight()/snippet() as plain segments, matched words flagged. */
export function toSegments(marked: string | null | undefined): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  let current = "";
  const flush = () => {
    if (current) segments.push({ text: current, hit });
    current = "";
  };
  for (const character of marked ?? "") {
    if (character === HIT_START || character === HIT_END) {
      flush();
      hit = character === HIT_START;
    } else current += character;
  }
  flush();
  return segments;
}

/** Whether a marked text holds a match at all. */
export function hasHit(marked: string | null | undefined): boolean {
  return !!marked && marked.includes(HIT_START);
}
