import { describe, expect, it } from "vitest";
import { format, parseTemplate } from "./format";
import { messagesFor, type Locale } from "./index";

function strings(value: unknown): string[] {
  return typeof value === "string" ? [value] : Object.values(value as object).flatMap(strings);
}

const tickets = "{count, plural, one {# ticket} other {# tickets}}";

describe("format", () => {
  it("gives every template without plurals exactly what it gave before plurals existed", () => {
    const before = (template: string, values: Record<string, string | number>) =>
      template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
    const catalogued = [...strings(messagesFor("fr")), ...strings(messagesFor("en"))];
    const odd = ["{{name}}", "{ name }", "#{name} {", "{name, select, a {b}}", "{n, plural, one {# a}}"];
    for (const template of [...catalogued.filter((t) => !t.includes(", plural,")), ...odd]) {
      const values = Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1]!, i % 2 ? 7 : `v${i}`]));
      expect(format(template, values), template).toBe(before(template, values));
      expect(format(template, {}), template).toBe(before(template, {}));
    }
  });

  it("refuses to format a plural template without knowing its language", () => {
    // @ts-expect-error the template's type shows it is plural, so the locale is required
    expect(() => format(tickets, { count: 0 })).toThrow(/pass the language/);
    // Where the type was widened to string, the call still fails loudly rather than guess.
    const widened: string = tickets;
    expect(() => format(widened, { count: 0 })).toThrow(/pass the language/);
  });
});

describe("plurals", () => {
  const count = (locale: Locale, n: number) => format(tickets, { count: n }, locale);

  it("treat 0 and 1 as singular in French", () => {
    expect([0, 1, 2, 5].map((n) => count("fr", n))).toEqual(["0 ticket", "1 ticket", "2 tickets", "5 tickets"]);
  });

  it("treat only 1 as singular in English", () => {
    expect([0, 1, 2, 5].map((n) => count("en", n))).toEqual(["0 tickets", "1 ticket", "2 tickets", "5 tickets"]);
  });

  it("fill the other placeholders inside a branch, and leave # alone outside one", () => {
    const template = "#{id} {status} : {count, plural, one {# ticket {status}} other {# tickets {status}s}}";
    expect(format(template, { id: 4, status: "ouvert", count: 1 }, "fr")).toBe("#4 ouvert : 1 ticket ouvert");
    expect(format(template, { id: 4, status: "ouvert", count: 3 }, "fr")).toBe("#4 ouvert : 3 tickets ouverts");
  });

  it("agree each count of a sentence on its own", () => {
    const template = "{sent, plural, one {# envoyé} other {# envoyés}}, {failed, plural, one {# échec} other {# échecs}}";
    expect(format(template, { sent: 0, failed: 2 }, "fr")).toBe("0 envoyé, 2 échecs");
  });

  it("prefer an exact branch, and fall back to other for a category the template lacks", () => {
    const template = "{n, plural, =0 {aucun ticket} one {# ticket} other {# tickets}}";
    expect(format(template, { n: 0 }, "fr")).toBe("aucun ticket");
    expect(format(template, { n: 1 }, "fr")).toBe("1 ticket");
    // French says "many" for a million; the template has no such branch.
    expect(format(template, { n: 1_000_000 }, "fr")).toBe("1000000 tickets");
  });

  it("leave a plural whose count is missing visible, like any unknown placeholder", () => {
    expect(format(`${tickets} !`, {}, "en")).toBe(`${tickets} !`);
  });
});

describe("parseTemplate", () => {
  it("reads placeholders, plural blocks and their branches", () => {
    expect(parseTemplate(`{status} : ${tickets}`)).toEqual([
      { name: "status", source: "{status}" },
      " : ",
      { name: "count", source: tickets, branches: { one: ["# ticket"], other: ["# tickets"] } },
    ]);
  });

  it("keeps a malformed plural as text rather than guessing", () => {
    expect(parseTemplate("{n, plural, one {# a}}")).toEqual(["{n, plural, one {# a}}"]);
    expect(parseTemplate("{n, plural, other {# a}")).toEqual(["{n, plural, other {# a}"]);
    expect(parseTemplate("{n, plural, other {# a} oops}")).toEqual(["{n, plural, other {# a} oops}"]);
  });
});
