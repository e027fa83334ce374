// RFC 4180 CSV, by hand: quoted fields may hold separators, quotes ("") and
// line breaks. Output opens in Excel with accents intact (UTF-8 with BOM) and,
// for French Excel, with ";" as the separator.

export type Separator = "," | ";";
export const BOM = "\uFEFF";

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[]; separator: Separator } | { ok: false; error: "unterminatedQuote"; line: number };

/** Guesses the separator from the first line: whichever of ";" and "," occurs more outside quotes. */
export function detectSeparator(text: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Parses the whole text; blank lines are skipped. */
export function parseCsv(input: string, separator: Separator = detectSeparator(input)): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, error: "unterminatedQuote", line: quoteLine };
  if (field !== "" || fields.length > 0) endRecord();
  return { ok: true, records, separator };
}

// A cell starting with one of these runs as a formula in Excel ("CSV injection");
// a leading apostrophe makes Excel show it as text, and parseCell removes it again.
const formulaStart = /^[=+\-@\t\r]/;

function escapeCell(value: string, separator: Separator): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A cell as written by toCsv, back to its value. */
export function parseCell(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/** CSV text with a BOM and CRLF line ends, as Excel expects. */
export function toCsv(rows: readonly (readonly string[])[], separator: Separator = ","): string {
  return BOM + rows.map((row) => row.map((cell) => escapeCell(cell, separator)).join(separator)).join("\r\n") + "\r\n";
}

/** Header matching that forgives case, accents, spaces and punctuation ("Numéro de série" = "numero_de_serie"). */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * File bytes to text: UTF-8 (with or without BOM) when valid, else Windows-1252,
 * which is what Excel's plain "CSV" format writes on a French Windows.
 */
/**
 * Whether bytes can be a text file: no NUL and no control character but tab,
 * line breaks and form feed. Images, PDFs, zip-based spreadsheets (.xlsx) and
 * UTF-16 files all fail in their first bytes.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 8192)) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
