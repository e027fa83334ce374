import { describe, expect, it } from "vitest";
import { format, isLocale, messagesFor, pickLocale } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe("message catalogues", () => {
  const fr = messagesFor("fr");
  const en = messagesFor("en");

  it("have exactly the same keys in French and English", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it("use the same placeholders in both languages", () => {
    const lookup = (messages: unknown, path: string) =>
      path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], messages) as string;
    for (const path of keys(fr)) {
      expect(placeholders(lookup(en, path)), path).toEqual(placeholders(lookup(fr, path)));
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
