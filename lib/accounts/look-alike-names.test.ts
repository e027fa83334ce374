import { describe, expect, it } from "vitest";
import { lookAlikeKeys, looksAlike, nameProblem, normalizeName } from "./look-alike-names";

describe("nameProblem", () => {
  it("finds the characters nobody sees: zero-width, soft hyphen, fillers, direction marks and overrides", () => {
    for (const hidden of ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u202e", "\u2066", "\u3164", "\ufeff", "\u0007"]) {
      expect([hidden.codePointAt(0), nameProblem(`Sophie${hidden} Tremblay`)]).toEqual([hidden.codePointAt(0), "nameInvisible"]);
    }
  });

  it("finds letters of two alphabets in one name", () => {
    for (const name of ["S\u043ephie", "\u0405ophie", "S\u03bfphie", "Marc \u041f\u0435\u0442\u0440\u043e\u0432", "Jean 山田"]) {
      expect([name, nameProblem(name)]).toEqual([name, "nameMixedScripts"]);
    }
  });

  it("accepts a name in one alphabet, with its accents, hyphens, apostrophes and digits", () => {
    for (const name of ["Émilie Côté", "Jean-François O'Neil", "Marie-Ève Lévesque", "Nguyễn Thị Minh", "Ольга Петрова", "Γιώργος Παπαδόπουλος", "山田 はなこ", "김민준", "محمد علي", "Équipe 2"]) {
      expect([name, nameProblem(name)]).toEqual([name, null]);
    }
  });
});

describe("lookAlikeKeys", () => {
  const same = (a: string, b: string) => looksAlike(lookAlikeKeys(a), lookAlikeKeys(b));

  it("reads look-alikes as the name they imitate", () => {
    expect(same("Sophie Tremblay\u200b", "Sophie Tremblay")).toBe(true);
    expect(same("S\u043ephie Tremblay", "Sophie Tremblay")).toBe(true);
    expect(same("Sophie Trernblay", "Sophie Tremblay")).toBe(true);
    expect(same("SOPHIE TREMBLAY", "sophie tremblay")).toBe(true);
    expect(same("\u0421\u0435\u0441\u0435 \u041d\u0430\u0443\u0435\u0455", "Cece Hayes")).toBe(true);
    expect(same("Jean-François O’Neil", "Jean-Francois O'Neil")).toBe(true);
  });

  it("keeps different names apart", () => {
    expect(same("Sophie Tremblay", "Sophie Tremblay J.")).toBe(false);
    expect(same("Marc Gagnon", "Marc Gagné")).toBe(false);
    expect(same("Émilie Côté", "Émile Côté")).toBe(false);
  });
});

describe("normalizeName", () => {
  it("stores full-width letters, ligatures and odd spaces as plain ones", () => {
    expect(normalizeName(" \uff2c\u00e9a\u00a0\u2003\uff30oirier ")).toBe("Léa Poirier");
    expect(normalizeName("Ra\ufb00aella")).toBe("Raffaella");
  });
});
