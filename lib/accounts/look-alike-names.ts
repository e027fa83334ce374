// A name nobody can fake: the checks lib/accounts/users.ts makes wherever a
// person's name is set. Characters nobody sees and letters of two alphabets are
// refused (nameProblem); a name that looks like an active user's is taken
// (lookAlikeKeys: Unicode TR39's confusable skeleton, case and accents aside).
// Server only: the confusables table is 28 KB gzip.
import unhomoglyph from "unhomoglyph";
import { nameKey } from "./names";

/** A display name as stored: NFKC (full-width letters, ligatures and odd spaces become plain ones), spaces collapsed. */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").trim();
}

// What a reader does not see: zero-width spaces and joiners, the soft hyphen,
// fillers (U+3164), direction marks and overrides (LRM, RLO), other format and
// control characters. Each can make a name that reads like another one.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "gu");

// Unicode's scripts (ISO 15924 codes, to Unicode 15.1) other than Common and
// Inherited. A letter belongs to every script of its Script_Extensions.
const SCRIPT_CODES =
  "Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Bhks Bopo Brah Brai Bugi Buhd Cakm Cans Cari Cham Cher " +
  "Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Geor Glag Gong Gonm Goth Gran Grek Gujr Guru " +
  "Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Kthi Lana Laoo " +
  "Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Mlym Modi Mong Mroo Mtei Mult " +
  "Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd " +
  "Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sind Sinh Sogd Sogo Sora Soyo Sund Sylo Syrc Tagb Takr Tale " +
  "Talu Taml Tang Tavt Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Toto Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb";
const ANY_SCRIPT = /[\p{scx=Zyyy}\p{scx=Zinh}]/u;
// The usual case, answered without the table: Latin letters, digits, spaces, hyphens, apostrophes, accents.
const LATIN_ONLY = /^[\p{scx=Latn}\p{scx=Zyyy}\p{scx=Zinh}]*$/u;
let scriptPatterns: [string, RegExp][] | undefined;

/** A character's scripts, with TR39's writing systems that join several (Japanese, Korean, Chinese with Bopomofo). */
function scriptsOf(char: string): string[] {
  scriptPatterns ??= SCRIPT_CODES.split(" ").map((code) => [code, new RegExp(`\\p{scx=${code}}`, "u")]);
  const scripts = scriptPatterns.filter(([, pattern]) => pattern.test(char)).map(([code]) => code);
  if (scripts.includes("Hani")) scripts.push("Jpan", "Kore", "Hanb");
  if (scripts.includes("Hira") || scripts.includes("Kana")) scripts.push("Jpan");
  if (scripts.includes("Hang")) scripts.push("Kore");
  if (scripts.includes("Bopo")) scripts.push("Hanb");
  // A script newer than the table is its own.
  return scripts.length > 0 ? scripts : ["?"];
}

/** TR39's single-script test: one script holds every character that is not common to all. */
function isSingleScript(name: string): boolean {
  if (LATIN_ONLY.test(name)) return true;
  let shared: string[] | undefined;
  for (const char of name) {
    if (ANY_SCRIPT.test(char)) continue;
    const scripts = scriptsOf(char);
    shared = shared ? shared.filter((script) => scripts.includes(script)) : scripts;
    if (shared.length === 0) return false;
  }
  return true;
}

export type NameProblem = "nameInvisible" | "nameMixedScripts";

/** Why nobody may take this name (a rule code, worded in lib/i18n/{fr,en}/rules.ts), or null. */
export function nameProblem(name: string): NameProblem | null {
  if (HIDDEN.test(name)) return "nameInvisible";
  if (!isSingleScript(normalizeName(name))) return "nameMixedScripts";
  return null;
}

/** TR39's skeleton: each character replaced by the prototype it is confusable with ("о" → "o", "m" → "rn"). */
function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

/**
 * A name as it looks, twice: two names with one of these keys in common cannot
 * be told apart on a screen. Hidden characters are dropped; then case, accents
 * and look-alike letters do not count. Lower case first compares "sophie
 * trernblay" with "Sophie Tremblay"; the skeleton first reads a Cyrillic capital
 * "Н" as the "H" it shows before case is dropped (TR39 maps it, not "н").
 */
export function lookAlikeKeys(name: string): [string, string] {
  const visible = normalizeName(name).replace(HIDDEN_ALL, "");
  return [skeleton(nameKey(visible)), skeleton(nameKey(skeleton(visible)))];
}

/** Whether two names look the same (lookAlikeKeys() of both, compared key by key). */
export function looksAlike(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key, i) => key === b[i]);
}
