import { describe, expect, it } from "vitest";
import { BOM, detectSeparator, normalizeHeader, parseCell, parseCsv, toCsv } from "./csv";

function fields(text: string, separator?: "," | ";") {
  const result = parseCsv(text, separator);
  if (!result.ok) throw new Error(result.error);
  return result.records.map((r) => r.fields);
}

describe("parseCsv", () => {
  it("reads plain, quoted and empty fields", () => {
    expect(fields('a,"b, c",,"d ""e"""\n1,2,3,4')).toEqual([
      ["a", "b, c", "", 'd "e"'],
      ["1", "2", "3", "4"],
    ]);
  });

  it("keeps line breaks inside quotes and numbers records by the line they start on", () => {
    const result = parseCsv('h1;h2\r\n"deux\r\nlignes";x\r\n\r\nfin;y\r\n', ";");
    expect(result).toEqual({
      ok: true,
      separator: ";",
      records: [
        { line: 1, fields: ["h1", "h2"] },
        { line: 2, fields: ["deux\r\nlignes", "x"] },
        { line: 5, fields: ["fin", "y"] },
      ],
    });
  });

  it("ignores a BOM and a missing final line break", () => {
    expect(fields(`${BOM}Type;Modèle\nTour;Haas`)).toEqual([
      ["Type", "Modèle"],
      ["Tour", "Haas"],
    ]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(parseCsv('a,b\n1,"jamais fermé\n2,3')).toEqual({ ok: false, error: "unterminatedQuote", line: 2 });
  });

  it("reads an empty text as no records", () => {
    expect(fields("")).toEqual([]);
    expect(fields("\r\n\r\n")).toEqual([]);
  });
});

describe("detectSeparator", () => {
  it("picks the separator of the header line, ignoring quoted text", () => {
    expect(detectSeparator("a;b;c\n1,2;3")).toBe(";");
    expect(detectSeparator('"x;y;z",b\n')).toBe(",");
    expect(detectSeparator(`${BOM}Type,Modèle`)).toBe(",");
  });
});

describe("toCsv", () => {
  it("starts with a BOM, ends lines with CRLF and quotes only what needs it", () => {
    expect(toCsv([["Type", "Emplacement"], ["Presse", "Atelier A; poste 1"]], ";")).toBe(
      `${BOM}Type;Emplacement\r\nPresse;"Atelier A; poste 1"\r\n`,
    );
    expect(toCsv([['dit "bonjour"', "a,b", " espace", "ligne\nsuivante"]], ",")).toBe(
      `${BOM}"dit ""bonjour""","a,b"," espace","ligne\nsuivante"\r\n`,
    );
  });

  it("defuses formulas for Excel, and parseCell restores the value", () => {
    const csv = toCsv([["=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "-2", "normal"]], ",");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const [row] = fields(csv);
    expect(row!.map(parseCell)).toEqual(['=HYPERLINK("http://x")', "@SUM(A1)", "+1", "-2", "normal"]);
  });

  it("round-trips any text through parseCsv", () => {
    const rows = [
      ["Centre d’usinage", "DMG Mori", "DMG-5080", "Atelier A – poste 6", "operational"],
      ['Four "N 150"', "", "NAB;N150", "Traitement\r\nthermique", "out_of_service"],
    ];
    for (const separator of [",", ";"] as const) {
      expect(fields(toCsv(rows, separator), separator).map((r) => r.map(parseCell))).toEqual(rows);
    }
  });
});

describe("normalizeHeader", () => {
  it("matches headers whatever their case, accents or punctuation", () => {
    expect(normalizeHeader(" Numéro de série ")).toBe(normalizeHeader("numero_de_serie"));
    expect(normalizeHeader("Modèle")).toBe("modele");
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8 and falls back to Windows-1252 (Excel's plain CSV on French Windows)", async () => {
    const { decodeCsvBytes } = await import("./csv");
    expect(decodeCsvBytes(new TextEncoder().encode("Numéro de série"))).toBe("Numéro de série");
    // "Modèle;Hors état" in Windows-1252: è = 0xE8, é = 0xE9
    const latin = new Uint8Array([0x4d, 0x6f, 0x64, 0xe8, 0x6c, 0x65, 0x3b, 0xe9, 0x74, 0x61, 0x74]);
    expect(decodeCsvBytes(latin)).toBe("Modèle;état");
  });
});

describe("looksLikeText", () => {
  it("accepts text in UTF-8 or Windows-1252, with tabs and both line endings", async () => {
    const { looksLikeText } = await import("./csv");
    expect(looksLikeText(new TextEncoder().encode("Type;Modèle\r\nPresse\tA;\n"))).toBe(true);
    expect(looksLikeText(new Uint8Array([0x4d, 0x6f, 0x64, 0xe8, 0x6c, 0x65]))).toBe(true);
  });

  it("refuses a JPEG, a zip-based .xlsx and a UTF-16 file by their first bytes", async () => {
    const { looksLikeText } = await import("./csv");
    expect(looksLikeText(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe(false);
    expect(looksLikeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe(false);
    expect(looksLikeText(new Uint8Array([0xff, 0xfe, 0x54, 0x00, 0x79, 0x00]))).toBe(false);
  });
});
