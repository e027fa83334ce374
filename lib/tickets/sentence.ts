// From one sentence said on the floor to a report (issue 23): the machine it is
// about, how urgent it is, a title and the description. Pure and local: the report
// form's read route and page run it on the server over the plant's machines, with
// no outside service, and "Créer un ticket" on a message runs it on the message.
// What it must get right is written by hand in sentence.corpus.ts.
import { nameKey } from "../accounts/names";
import type { Locale } from "../i18n";
import { MAX_TICKET_TITLE, type TicketPriority } from "./model";
import {
  machineNumberWords,
  machineWordGroups,
  negatedThrough,
  negations,
  numberConnectors,
  numberWords,
  priorityWords,
  stopWords,
  titleFillers,
  titleTails,
} from "./sentence-words";

/** A machine as the sentence may name it: by its type, model, serial number, location or number (its id, "M007"). */
export interface ChoosableMachine {
  id: number;
  machineType: string;
  model: string | null;
  serialNumber: string | null;
  location: string | null;
}

export interface SentenceReport {
  /** The machine meant; or the few that fit as well as each other (the form asks which); or none recognised. */
  machine: number | { candidates: number[] } | null;
  priority: TicketPriority;
  title: string;
  /** The sentence itself, trimmed: nothing said is lost. */
  description: string;
}

export function reportFromSentence(sentence: string, locale: Locale, machines: readonly ChoosableMachine[]): SentenceReport {
  const description = sentence.trim();
  return { machine: machineOf(description, locale, machines), priority: priorityOf(description), title: titleOf(description), description };
}

// ---------------------------------------------------------------- words

const WORD = /[\p{L}\p{N}]+/gu;

/** A text's words as compared: no case, no accents ("Arrêté" is "arrete"). */
function wordsOf(text: string): string[] {
  return nameKey(text).match(WORD) ?? [];
}

const folded = (list: readonly string[]) => new Set(list.flatMap(wordsOf));
const STOP = folded(stopWords);
const CONNECTORS = folded(numberConnectors);
const MACHINE_WORDS = folded(machineNumberWords);
const NEGATIONS = folded(negations);
const NEGATED_THROUGH = folded(negatedThrough);

/** Whether the words before `start` turn it around: "pas urgent", "pas de fuite", "isn't stuck" (not "200 t", tonnes). */
function negatedAt(words: string[], start: number): boolean {
  const [one, two] = [words[start - 1], words[start - 2]];
  if (one === undefined) return false;
  if (one === "t") return two !== undefined && /n$/.test(two) && two.length > 2;
  return NEGATIONS.has(one) || (two !== undefined && NEGATIONS.has(two) && NEGATED_THROUGH.has(one));
}

/** A term of a sentence or a machine: the word or phrase, and the group it belongs to (`~3`), each a key to match on. */
interface Term {
  keys: Set<string>;
  /** The groups a sentence's word is a slip away from: "compresor" is a compressor. */
  slipKeys?: Set<string>;
  /** The single word as written (folded), for small spelling slips. */
  word?: string;
}

interface Phrase {
  words: string[];
  key: string;
  frenchOnly: boolean;
}

/** Each group's phrases by their first word, longest first: "presse plieuse" is tried before "presse". */
const PHRASES = new Map<string, Phrase[]>();
for (const [index, group] of machineWordGroups.entries()) {
  for (const entry of group) {
    const frenchOnly = entry.startsWith("fr:");
    const words = wordsOf(frenchOnly ? entry.slice(3) : entry);
    const list = PHRASES.get(words[0]!) ?? [];
    list.push({ words, key: `~${index}`, frenchOnly });
    PHRASES.set(words[0]!, list.sort((a, b) => b.words.length - a.words.length));
  }
}

/** The groups' single words, for a sentence's slips. */
const GROUP_WORDS = [...PHRASES.values()].flat().filter((phrase) => phrase.words.length === 1);

/** A plural's singular, as a second key: "convoyeurs" finds "convoyeur". */
const singular = (word: string) => (word.length > 4 && word.endsWith("s") ? word.slice(0, -1) : word);

/**
 * The term starting at `words[start]`, a group's phrase first, and where the next
 * one starts. `locale` is the sentence's language, null for a machine's own fields
 * (read with every word). A stop word, or a word meant only in French in an
 * English sentence, makes no term.
 */
function termsOf(words: string[], locale: Locale | null, start: number): { term: Term | null; next: number } {
  const word = words[start]!;
  for (const phrase of PHRASES.get(word) ?? []) {
    if (!phrase.words.every((w, i) => words[start + i] === w)) continue;
    if (phrase.frenchOnly && locale === "en") return { term: null, next: start + phrase.words.length };
    const keys = new Set([phrase.words.join(" "), phrase.key]);
    if (phrase.words.length === 1) keys.add(singular(word));
    return { term: { keys, word: phrase.words.length === 1 ? word : undefined }, next: start + phrase.words.length };
  }
  if (STOP.has(word)) return { term: null, next: start + 1 };
  const slips = locale === null ? [] : GROUP_WORDS.filter((g) => !(g.frenchOnly && locale === "en") && isSlip(word, g.words[0]!));
  return { term: { keys: new Set([word, singular(word)]), slipKeys: new Set(slips.map((g) => g.key)), word }, next: start + 1 };
}

/** "ST-20", "HAAS-ST20-4471", "GA 37": codes as one key ("st20", "ga37"), written with or without their dashes and spaces. */
function codesOf(text: string, words: string[]): string[] {
  const joined = [...text.matchAll(/[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)+/gu)].map((m) => wordsOf(m[0]).join(""));
  const pairs = words.flatMap((word, i) => {
    const next = words[i + 1];
    return next !== undefined && /^\p{L}+$/u.test(word) && /^\d+$/.test(next) ? [word + next] : [];
  });
  return [...joined, ...pairs];
}

// ---------------------------------------------------------------- machines

/** How much a matched term of each field says about which machine is meant. */
const WEIGHT = { typeHead: 3, type: 2, model: 3, serial: 4, location: 2 } as const;
/** A word matched through a small spelling slip counts a little less. */
const SLIP = 0.8;
/** A machine fits from this score: one word of its type, or of a place only it has. */
const MIN_FIT = 1.4;
/** Machines within this share of the best score fit as well as it: the form asks which one. */
const CLOSE = 0.75;
/** More machines fitting as well as each other than this, and the sentence names none. */
const MAX_CANDIDATES = 5;

interface MachineTerm {
  keys: Set<string>;
  weight: number;
  /** Its words, for spelling slips. */
  words: string[];
}

interface MachineNumber {
  value: number;
  /** The keys of the field it is written in: "poste 4" is read with "poste"'s keys. */
  context: Set<string>;
}

interface Profile {
  id: number;
  terms: MachineTerm[];
  numbers: MachineNumber[];
  typeKeys: Set<string>;
  /** Every key and word of its terms, once: how many machines share each is counted over these. */
  distinct: string[];
}

function fieldTerms(text: string | null, weight: (index: number) => number): { terms: MachineTerm[]; numbers: number[] } {
  if (!text) return { terms: [], numbers: [] };
  const words = wordsOf(text);
  const terms: MachineTerm[] = [];
  for (let i = 0; i < words.length; ) {
    const { term, next } = termsOf(words, null, i);
    if (term && !/^\d+$/.test(words[i]!)) terms.push({ keys: term.keys, weight: weight(terms.length), words: words.slice(i, next).filter((w) => /^\p{L}{4,}$/u.test(w)) });
    i = next;
  }
  for (const code of codesOf(text, words)) terms.push({ keys: new Set([code]), weight: weight(terms.length), words: [] });
  return { terms, numbers: words.flatMap(numbersIn) };
}

/** The number a word says: "4", "250T", "ST20", "P3"; not the digits inside a code ("8FGU25", "tgx3kq"), which nobody says alone. */
function numbersIn(word: string): number[] {
  const number = /^\p{L}{0,3}(\d+)\p{L}{0,3}$/u.exec(word);
  return number ? [Number(number[1])] : [];
}

/**
 * Machines as the matcher reads them, kept for the isolate's life: reading a
 * machine's fields is most of a sentence's cost (a plant of 500 machines: about 8
 * ms a sentence read afresh, under 2 ms from here), and the next report reads the
 * same machines. Keyed by what is read, so an edited machine is read again; emptied
 * when it holds more than a plant has.
 */
const profiles = new Map<string, Profile>();
const MAX_PROFILES = 5000;

function profileFor(machine: ChoosableMachine): Profile {
  const key = JSON.stringify([machine.id, machine.machineType, machine.model, machine.serialNumber, machine.location]);
  let profile = profiles.get(key);
  if (!profile) {
    if (profiles.size >= MAX_PROFILES) profiles.clear();
    profile = profileOf(machine);
    profiles.set(key, profile);
  }
  return profile;
}

function profileOf(machine: ChoosableMachine): Profile {
  const type = fieldTerms(machine.machineType, (index) => (index === 0 ? WEIGHT.typeHead : WEIGHT.type));
  const model = fieldTerms(machine.model, () => WEIGHT.model);
  const location = fieldTerms(machine.location, () => WEIGHT.location);
  // A serial number names a machine by its codes and numbers only: "FAN" in "FAN-100ID-2210" is not a fan.
  const serialWords = machine.serialNumber ? wordsOf(machine.serialNumber) : [];
  const serial: MachineTerm[] = [serialWords.join(""), ...serialWords.filter((w) => /\d/.test(w))]
    .filter((key) => key.length >= 3)
    .map((key) => ({ keys: new Set([key]), weight: WEIGHT.serial, words: [] }));
  const keysOf = (terms: MachineTerm[]) => new Set(terms.flatMap((term) => [...term.keys]));
  const numbersOf = (field: { terms: MachineTerm[]; numbers: number[] }) => field.numbers.map((value) => ({ value, context: keysOf(field.terms) }));
  const terms = [...type.terms, ...model.terms, ...location.terms, ...serial];
  return {
    id: machine.id,
    terms,
    numbers: [...numbersOf(type), ...numbersOf(model), ...numbersOf(location), ...serialWords.flatMap(numbersIn).map((value) => ({ value, context: new Set<string>() }))],
    typeKeys: keysOf(type.terms),
    distinct: [...new Set(terms.flatMap((term) => [...term.keys, ...term.words]))],
  };
}

/** A number said in the sentence, and what it is said about. */
interface SaidNumber {
  value: number;
  /** The term just before it ("presse 3", "ligne 2"), if any. */
  context: Set<string> | null;
  /** Said as a machine's own number: "machine 7", "n° 7", "#7", "M007" (a ticket id names its machine so). */
  byId: boolean;
}

interface Said {
  terms: Term[];
  numbers: SaidNumber[];
}

const NUMBER_WORDS: Record<Locale, Map<string, number>> = { fr: new Map(numberWords.fr.map((w, n) => [w, n])), en: new Map(numberWords.en.map((w, n) => [w, n])) };

function readSentence(sentence: string, locale: Locale): Said {
  // "#7", "n° 7" and "no. 7" say "numéro"; "M-007" is the machine code of a ticket id.
  const text = sentence.replace(/#\s*(?=\d)|\b[nN]\s?[°º]\s*|\b[nN][oO]\.\s*(?=\d)/g, " numéro ").replace(/\b[mM]-(?=\d{3,}\b)/g, "m");
  const words = wordsOf(text);
  const terms: Term[] = [];
  const numbers: SaidNumber[] = [];
  let previous: Set<string> | "machine" | null = null;
  let connector = false;
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const code = /^m(\d{1,9})$/.exec(word);
    const value = /^\d{1,9}$/.test(word) ? Number(word) : NUMBER_WORDS[locale].get(word) || undefined;
    if (code) numbers.push({ value: Number(code[1]), context: null, byId: true });
    if (value !== undefined) {
      const byId = previous === "machine" || (connector && previous === null);
      numbers.push({ value, context: previous === "machine" ? null : previous, byId });
      previous = null;
      connector = false;
      i++;
      continue;
    }
    if (MACHINE_WORDS.has(word)) {
      previous = "machine";
      i++;
      continue;
    }
    if (CONNECTORS.has(word)) {
      connector = true;
      i++;
      continue;
    }
    const { term, next } = termsOf(words, locale, i);
    if (term) {
      terms.push(term);
      previous = term.keys;
      connector = false;
    }
    i = next;
  }
  for (const code of codesOf(text, words)) terms.push({ keys: new Set([code]) });
  return { terms, numbers };
}

/** Damerau-Levenshtein (adjacent swaps count one), stopping past `limit`: only small slips matter. */
function withinSlip(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    if (Math.min(...current) > limit) return false;
    [before, previous] = [previous, current];
  }
  return previous[b.length]! <= limit;
}

/**
 * A slip is one letter wrong, missing, extra or swapped (two in a long word), in a
 * word of letters of at least five that starts the same: "compreseur", "hydrolique".
 * Codes and numbers must be exact: "ST20" is not "ST21".
 */
function isSlip(said: string, written: string): boolean {
  if (said.length < 5 || said[0] !== written[0] || !/^\p{L}+$/u.test(said)) return false;
  // A five-letter word slips only by a dropped letter ("prese"): one letter changed makes another word too often ("lâché" is not "lathe").
  if (said.length === 5 && written.length !== 6) return false;
  return withinSlip(said, written, said.length >= 8 ? 2 : 1);
}

function scoreOf(profile: Profile, said: Said, spread: Map<string, number>): number {
  // A word many machines share says less about which one is meant.
  const rarity = (key: string) => 1 / Math.sqrt(spread.get(key) ?? 1);
  let score = 0;
  for (const term of profile.terms) {
    let best = 0;
    for (const saidTerm of said.terms) {
      for (const key of saidTerm.keys) if (term.keys.has(key)) best = Math.max(best, term.weight * rarity(key));
      for (const key of saidTerm.slipKeys ?? []) if (term.keys.has(key)) best = Math.max(best, SLIP * term.weight * rarity(key));
      if (best === 0 && saidTerm.word) {
        const slipped = term.words.find((written) => isSlip(saidTerm.word!, written));
        if (slipped) best = Math.max(best, SLIP * term.weight * rarity(slipped));
      }
    }
    score += best;
  }
  for (const number of said.numbers) {
    const { value, context } = number;
    const inFields = profile.numbers.filter((n) => n.value === value);
    const namesType = context !== null && [...context].some((key) => profile.typeKeys.has(key));
    const candidates = [
      number.byId && value === profile.id ? 8 : 0,
      namesType && value === profile.id ? 5 : 0,
      context !== null && inFields.some((n) => [...context].some((key) => n.context.has(key))) ? 5 : 0,
      value >= 100 && inFields.length > 0 ? 4 : 0,
      namesType && inFields.length > 0 ? 3 : 0,
    ];
    score += Math.max(...candidates);
  }
  return score;
}

/** The machine the sentence names, the few it could mean, or none. */
export function machineOf(sentence: string, locale: Locale, machines: readonly ChoosableMachine[]): SentenceReport["machine"] {
  const said = readSentence(sentence, locale);
  if (!said.terms.length && !said.numbers.length) return null;
  const read = machines.map(profileFor);
  const spread = new Map<string, number>();
  for (const profile of read) {
    for (const key of profile.distinct) spread.set(key, (spread.get(key) ?? 0) + 1);
  }
  const fits = read
    .map((profile) => ({ id: profile.id, score: scoreOf(profile, said, spread) }))
    .filter((fit) => fit.score >= MIN_FIT)
    .sort((a, b) => b.score - a.score || a.id - b.id);
  if (!fits.length) return null;
  const close = fits.filter((fit) => fit.score >= fits[0]!.score * CLOSE);
  if (close.length === 1) return close[0]!.id;
  return close.length <= MAX_CANDIDATES ? { candidates: close.map((fit) => fit.id) } : null;
}

// ---------------------------------------------------------------- priority

const phrasesOf = (list: readonly string[]) => list.map(wordsOf).sort((a, b) => b.length - a.length);
const PRIORITY = {
  safety: phrasesOf(priorityWords.safety),
  minor: phrasesOf(priorityWords.minor),
  urgent: phrasesOf(priorityWords.urgent),
  stopped: phrasesOf(priorityWords.stopped),
  leak: phrasesOf(priorityWords.leak),
};

/**
 * Danger to people is critical; a stopped machine said to be urgent too. Urgency,
 * a stop or a leak is high. A person who says it can wait is believed (low, or
 * medium when the machine has stopped or leaks). Everything else is medium. A word
 * just after "pas", "no", "not"… does not count ("pas de fuite", "not stuck").
 */
export function priorityOf(sentence: string): TicketPriority {
  const words = wordsOf(sentence);
  const used = new Set<number>();
  const says = (phrases: string[][]) => {
    let found = false;
    for (const phrase of phrases) {
      for (let start = 0; start + phrase.length <= words.length; start++) {
        const at = phrase.map((_, i) => start + i);
        if (at.some((i) => used.has(i)) || !phrase.every((w, i) => words[start + i] === w)) continue;
        at.forEach((i) => used.add(i));
        if (!negatedAt(words, start)) found = true;
      }
    }
    return found;
  };
  // In this order: "arrêt d'urgence" is a safety device before it is a stop, "pas urgent" is not urgent.
  const safety = says(PRIORITY.safety);
  const minor = says(PRIORITY.minor);
  const urgent = says(PRIORITY.urgent);
  const stopped = says(PRIORITY.stopped);
  const leak = says(PRIORITY.leak);
  if (safety) return "critical";
  if (minor) return stopped || leak ? "medium" : "low";
  if (urgent && stopped) return "critical";
  return urgent || stopped || leak ? "high" : "medium";
}

// ---------------------------------------------------------------- title

const FILLERS = folded(titleFillers);
const TAILS = folded(titleTails);
const URGENT_WORDS = folded(priorityWords.urgent);
/** A clause of only greetings, "urgent" and "svp" says nothing a title needs. */
const saysSomething = (text: string) => wordsOf(text).some((w) => !FILLERS.has(w) && !TAILS.has(w) && !URGENT_WORDS.has(w));
/** Where a clause ends: punctuation inside the sentence, a dash between spaces, "parce que", "because". */
const CLAUSE_END = /\s*(?:[,;:()[\]]|\s[-–—]\s|\b(?:parce que|parce qu’|parce qu'|because)\s)\s*/giu;

/**
 * The sentence's main clause, cut cleanly: the first line and first sentence that
 * say something, from its first clause that does (a clause of two words or fewer,
 * "Presse 1", takes the next one along), without "Bon," before or ", c'est urgent
 * svp" after, capitalised, and cut at a word before MAX_TICKET_TITLE with "…".
 */
export function titleOf(text: string): string {
  const sentences = text.split(/\n|(?<=[.!?…])\s+/).map((s) => s.trim());
  const first = sentences.find(saysSomething) ?? sentences.find(Boolean) ?? "";
  const ends = [...first.matchAll(CLAUSE_END)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const clauses = [...ends, { start: first.length, end: first.length }].map((end, i) => ({ start: i === 0 ? 0 : ends[i - 1]!.end, end: end.start }));
  const meaningful = clauses.filter((c) => saysSomething(first.slice(c.start, c.end)));
  let title = first;
  if (meaningful.length) {
    const from = meaningful[0]!.start;
    const to = meaningful.find((c) => wordsOf(first.slice(from, c.end)).length >= 3)?.end ?? meaningful.at(-1)!.end;
    title = first.slice(from, to);
  }
  return fitTitle(trimWords(title));
}

/** Without the greetings before and the "c'est urgent svp" after, when something is left. */
function trimWords(title: string): string {
  const spans = [...title.matchAll(WORD)].map((m) => ({ word: nameKey(m[0]), start: m.index, end: m.index + m[0].length }));
  let first = 0;
  let last = spans.length - 1;
  while (first < last && FILLERS.has(spans[first]!.word)) first++;
  while (last > first && TAILS.has(spans[last]!.word)) last--;
  if (!spans.length) return title;
  return title.slice(spans[first]!.start, spans[last]!.end + (/^[?)»"]/.test(title.slice(spans[last]!.end)) ? 1 : 0));
}

function fitTitle(title: string): string {
  const clean = title.replace(/^[\s,;:.\-–—!]+|[\s,;:.\-–—!]+$/g, "");
  const capital = clean.charAt(0).toLocaleUpperCase() + clean.slice(1);
  if (capital.length <= MAX_TICKET_TITLE) return capital;
  const cut = capital.slice(0, MAX_TICKET_TITLE - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_TICKET_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, "")}…`;
}
