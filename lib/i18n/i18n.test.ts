import { describe, expect, it } from "vitest";
import { parseTemplate, type TemplatePart } from "./format";
import { format, isLocale, messagesFor, pickLocale, type Locale } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

type Argument = Exclude<TemplatePart, string>;

/** Every argument of a template, those inside plural branches included. */
function argumentsOf(parts: TemplatePart[]): Argument[] {
  return parts.flatMap((part) =>
    typeof part === "string" ? [] : [part, ...("branches" in part ? Object.values(part.branches).flatMap(argumentsOf) : [])],
  );
}

function names(parts: TemplatePart[]): string[] {
  return [...new Set(argumentsOf(parts).map((a) => a.name))].sort();
}

function placeholders(text: string): string[] {
  return names(parseTemplate(text));
}

function plurals(text: string) {
  return argumentsOf(parseTemplate(text)).filter((a) => "branches" in a);
}

const lookup = (messages: unknown, path: string) =>
  path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], messages) as string;

describe("message catalogues", () => {
  const fr = messagesFor("fr");
  const en = messagesFor("en");

  it("have exactly the same keys in French and English", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it("use the same placeholders in both languages, plural branches included", () => {
    for (const path of keys(fr)) {
      expect(placeholders(lookup(en, path)), path).toEqual(placeholders(lookup(fr, path)));
    }
  });

  it("write counts as real plurals, never as ticket(s) or prête(s)", () => {
    for (const [language, messages] of [["fr", fr], ["en", en]] as const) {
      for (const path of keys(messages)) {
        expect(lookup(messages, path), `${language} ${path}`).not.toMatch(/\p{L}\(\p{L}{1,3}\)/u);
      }
    }
  });

  it("are plural in both languages or in neither, each plural with the branches its language needs", () => {
    for (const path of keys(fr)) {
      expect(plurals(lookup(en, path)).length > 0, path).toBe(plurals(lookup(fr, path)).length > 0);
      for (const [language, messages] of [["fr", fr], ["en", en]] as [Locale, typeof fr][]) {
        const text = lookup(messages, path);
        // A ", plural," that did not parse as a block would be shown as is.
        expect(text.split(", plural,").length - 1, `${language} ${path}`).toBe(plurals(text).length);
        for (const block of plurals(text)) {
          // Both languages have "one"; anything else (French "many", for millions) falls back to "other".
          expect(Object.keys(block.branches).sort(), `${language} ${path}`).toEqual(expect.arrayContaining(["one", "other"]));
          const [first, ...rest] = Object.values(block.branches).map(names);
          for (const other of rest) expect(other, `${language} ${path}: same placeholders in every branch`).toEqual(first);
        }
      }
    }
  });

  it("have no empty strings", () => {
    for (const messages of [fr, en]) {
      const lookup = (path: string) =>
        path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], messages);
      for (const path of keys(messages)) expect(String(lookup(path)).trim(), path).not.toBe("");
    }
  });
});

describe("catalogue plurals", () => {
  const fr = messagesFor("fr");
  const en = messagesFor("en");

  it("say 0 and 1 ticket in French, but only 1 ticket in English", () => {
    const total = (locale: Locale, count: number) => format(messagesFor(locale).dashboard.total, { count }, locale);
    expect([0, 1, 2, 5].map((n) => total("fr", n))).toEqual([
      "0 ticket au total",
      "1 ticket au total",
      "2 tickets au total",
      "5 tickets au total",
    ]);
    expect([0, 1, 2, 5].map((n) => total("en", n))).toEqual([
      "0 tickets in total",
      "1 ticket in total",
      "2 tickets in total",
      "5 tickets in total",
    ]);
  });

  it("agree each count of the check's result on its own", () => {
    const run = { found: 1, sent: 0, failed: 2, skipped: 5 };
    expect(format(fr.notifications.tools.runResult, run, "fr")).toBe(
      "1 ticket en retard, 0 envoyé, 2 échecs, 5 laissés pour plus tard (déjà prévenus récemment, nouvel essai prévu ou limite d’envois du passage atteinte).",
    );
    expect(format(fr.notifications.tools.runResult, { ...run, skipped: 0 }, "fr")).toBe("1 ticket en retard, 0 envoyé, 2 échecs, aucun laissé pour plus tard.");
    expect(format(en.notifications.tools.runResult, run, "en")).toBe(
      "1 overdue ticket, 0 sent, 2 failed, 5 left for later (notified recently, retries scheduled or the run's sending limit reached).",
    );
    const lines = { valid: 0, invalid: 1 };
    expect(format(fr.admin.data.summary, lines, "fr")).toBe("0 machine prête à importer, 1 ligne en erreur.");
    expect(format(en.admin.data.summary, lines, "en")).toBe("0 machines ready to import, 1 line with errors.");
  });

  it("word a column's count and the whole import question by the count", () => {
    expect(format(fr.tickets.board.column, { status: "Nouveau", count: 1 }, "fr")).toBe("Nouveau : 1 ticket");
    expect(format(en.tickets.board.column, { status: "New", count: 0 }, "en")).toBe("New: 0 tickets");
    expect(format(fr.admin.data.confirmQuestion, { count: 1 }, "fr")).toBe("Importer 1 machine ? Elle sera ajoutée à la liste des machines.");
    expect(format(en.admin.data.confirmQuestion, { count: 2 }, "en")).toBe("Import 2 machines? They will be added to the machine list.");
    expect(format(fr.tickets.board.more, { count: 1 }, "fr")).toBe("1 autre : affinez les filtres pour le voir.");
    expect(format(en.tickets.card.media, { count: 5 }, "en")).toBe("5 photos or videos");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("En retard de {duration} ({x})", { duration: "2 j" })).toBe("En retard de 2 j ({x})");
  });
});

describe("isLocale", () => {
  it("accepts only the two supported languages", () => {
    expect(isLocale("fr")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe("pickLocale", () => {
  it("prefers the cookie, then the profile, then the factory default, then French", () => {
    expect(pickLocale("en", "fr", "fr")).toBe("en");
    expect(pickLocale(undefined, "en", "fr")).toBe("en");
    expect(pickLocale(undefined, null, "en")).toBe("en");
    expect(pickLocale("klingon", undefined, "en")).toBe("en");
    expect(pickLocale(undefined, undefined, undefined)).toBe("fr");
  });
});
