import { describe, expect, it } from "vitest";
import { MAX_TICKET_TITLE } from "./model";
import { machineOf, priorityOf, reportFromSentence, titleOf, type ChoosableMachine } from "./sentence";
import { corpus, corpusMachines } from "./sentence.corpus";

const expected = (machine: number | number[] | null) => (Array.isArray(machine) ? { candidates: machine } : machine);

describe("the corpus", () => {
  it("holds at least 60 sentences, in French and in English", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((s) => s.locale === "en").length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((s) => s.said)).size).toBe(corpus.length);
  });

  for (const sentence of corpus) {
    const name = `[${sentence.locale}] ${sentence.said}`;
    const report = () => reportFromSentence(sentence.said, sentence.locale, corpusMachines);
    // A known miss stays in the corpus and its score; if it starts passing, `it.fails` says so and the mark goes.
    (sentence.miss === "machine" ? it.fails : it)(`${name}: the machine`, () => expect(report().machine).toEqual(expected(sentence.machine)));
    (sentence.miss === "priority" ? it.fails : it)(`${name}: the priority`, () => expect(report().priority).toBe(sentence.priority));
  }
});

describe("the machine", () => {
  const machines = corpusMachines;

  it("ignores accents and case", () => {
    for (const said of ["PRÉSSE HYDRAULIQUE en panne", "presse hydraulique en panne", "Presse Hydraulique En Panne"]) expect(machineOf(said, "fr", machines)).toBe(1);
    expect(machineOf("l'entrepot", "fr", machines)).toBe(10);
  });

  it("forgives a small slip in a word, never in a code or a number", () => {
    expect(machineOf("le compreseur", "fr", machines)).toBe(6);
    expect(machineOf("l'emballeus", "fr", machines)).toBe(12);
    // A short word slips by a dropped letter only: "lâché" (gave out) is not "lathe".
    expect(machineOf("prese hydraulique", "fr", machines)).toBe(1);
    expect(machineOf("le robot a lâché", "fr", machines)).toBe(4);
    expect(machineOf("HAAS-ST20-4471", "fr", machines)).toBe(2);
    expect(machineOf("ST21", "fr", machines)).toBeNull();
    expect(machineOf("série 7764", "fr", machines)).toBeNull();
  });

  it("reads a machine's own number, and a ticket id names its machine", () => {
    expect(machineOf("machine 8", "fr", machines)).toBe(8);
    expect(machineOf("n°8", "fr", machines)).toBe(8);
    expect(machineOf("La presse fuit encore\nvoir TKT-M007-20261123-004", "fr", machines)).toBe(7);
    // A number no machine has names none.
    expect(machineOf("machine 42", "fr", machines)).toBeNull();
    expect(machineOf("même chose que TKT-M042-20261123-004", "fr", machines)).toBeNull();
  });

  it("reads a number a name says (\"P3\", \"250T\"), not the digits inside a code", () => {
    const presses: ChoosableMachine[] = [
      { id: 20, machineType: "Presse", model: "P3", serialNumber: null, location: null },
      { id: 21, machineType: "Presse", model: "KQZT3", serialNumber: null, location: null },
      { id: 22, machineType: "Presse", model: "8FGU3", serialNumber: null, location: null },
    ];
    expect(machineOf("la presse 3 fuit", "fr", presses)).toBe(20);
    expect(machineOf("la 250 tonnes", "fr", machines)).toBe(1);
  });

  it("reads the sentence in its language: an English \"four\" is a number, a French one an oven", () => {
    expect(machineOf("le four", "fr", machines)).toBe(11);
    expect(machineOf("station four", "en", machines)).toBe(2);
    expect(machineOf("the four", "en", machines)).toBeNull();
  });

  it("asks between the machines that fit as well as each other, the best first", () => {
    expect(machineOf("la presse", "fr", machines)).toEqual({ candidates: [1, 9] });
    expect(machineOf("la presse hydraulique", "fr", machines)).toBe(1);
  });

  it("names none when more than five machines fit as well as each other, or nothing fits", () => {
    const presses: ChoosableMachine[] = Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, machineType: "Presse", model: `Modèle ${String.fromCharCode(65 + i)}x`, serialNumber: null, location: null }));
    expect(machineOf("la presse fuit", "fr", presses)).toBeNull();
    expect(machineOf("la presse Cx fuit", "fr", presses)).toBe(102);
    expect(machineOf("ça marche pas", "fr", machines)).toBeNull();
    expect(machineOf("", "fr", machines)).toBeNull();
    expect(machineOf("la presse", "fr", [])).toBeNull();
  });

  it("reads a machine again once it was edited", () => {
    const saw = { id: 50, machineType: "Scie à ruban", model: null, serialNumber: null, location: null };
    expect(machineOf("la scie", "fr", [saw])).toBe(50);
    expect(machineOf("la scie", "fr", [{ ...saw, machineType: "Pompe" }])).toBeNull();
    expect(machineOf("la pompe", "fr", [{ ...saw, machineType: "Pompe" }])).toBe(50);
  });

  it("gives a word many machines share less weight than one only a machine has", () => {
    // "atelier" is in five locations: alone it names none; "tôlerie" narrows it to two, the model to one.
    expect(machineOf("dans l'atelier", "fr", machines)).toBeNull();
    expect(machineOf("atelier B tôlerie", "fr", machines)).toEqual({ candidates: [7, 8] });
    expect(machineOf("atelier B, l'amada", "fr", machines)).toBe(7);
  });
});

describe("the priority", () => {
  it("comes from danger, urgency, a stop or a leak, in both languages", () => {
    expect(priorityOf("y'a de la boucane")).toBe("critical");
    expect(priorityOf("it's on fire")).toBe("critical");
    expect(priorityOf("convoyeur arrêté, urgent")).toBe("critical");
    expect(priorityOf("c'est bloqué")).toBe("high");
    expect(priorityOf("oil leak")).toBe("high");
    expect(priorityOf("urgent")).toBe("high");
    expect(priorityOf("fait un bruit")).toBe("medium");
  });

  it("does not count a word said the other way round", () => {
    expect(priorityOf("pas de fuite, juste un bruit")).toBe("medium");
    expect(priorityOf("no smoke, just a smell of oil")).toBe("medium");
    expect(priorityOf("it isn't stuck, it's slow")).toBe("medium");
    // "200 t" is tonnes, not the end of "isn't".
    expect(priorityOf("presse 200 t, moule coincé")).toBe("high");
  });

  it("reads the emergency stop as a safety device, not as a stop", () => {
    expect(priorityOf("l'arrêt d'urgence est brisé")).toBe("critical");
    expect(priorityOf("e-stop button cracked")).toBe("critical");
  });

  it("believes a person who says it can wait", () => {
    expect(priorityOf("pas urgent, un voyant grillé")).toBe("low");
    expect(priorityOf("no rush")).toBe("low");
    expect(priorityOf("pas urgent, mais ça fuit")).toBe("medium");
    expect(priorityOf("pas urgent mais y'a de la fumée")).toBe("critical");
  });
});

describe("the title", () => {
  it("is the main clause, capitalised, without what a title does without", () => {
    expect(titleOf("la presse 3 fuit de l'huile, c'est urgent")).toBe("La presse 3 fuit de l'huile");
    expect(titleOf("Bon, ben, la plieuse est bloquée, c'est urgent svp")).toBe("La plieuse est bloquée");
    expect(titleOf("Urgent : convoyeur arrêté")).toBe("Convoyeur arrêté");
    expect(titleOf("Allo\nla presse fuit\nvoir TKT-M007-20261123-004")).toBe("La presse fuit");
    expect(titleOf("Le robot s'arrête. Il faut changer le fil.")).toBe("Le robot s'arrête");
    expect(titleOf("the press is leaking because the seal broke")).toBe("The press is leaking");
  });

  it("takes the next clause along when the first is only a name", () => {
    expect(titleOf("Presse 1, fuite d'huile")).toBe("Presse 1, fuite d'huile");
  });

  it("keeps a decimal number and a question whole", () => {
    expect(titleOf("Pression à 2.5 bars sur le compresseur")).toBe("Pression à 2.5 bars sur le compresseur");
    expect(titleOf("qui a déplacé le chariot?")).toBe("Qui a déplacé le chariot?");
  });

  it("is cut at a word, never inside one, within the title's limit", () => {
    const words = "la presse hydraulique du poste un fait un bruit de cognement régulier quand le vérin descend et que le moule se ferme sur la pièce";
    const title = titleOf(words);
    expect(words.length).toBeGreaterThan(MAX_TICKET_TITLE);
    expect(title.length).toBeLessThanOrEqual(MAX_TICKET_TITLE);
    expect(title.endsWith("…")).toBe(true);
    const kept = title.slice(0, -1);
    expect(`L${words.slice(1)}`.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(" ");
    // One word longer than a title is cut where it must be.
    expect(titleOf("x".repeat(300))).toBe(`${"X"}${"x".repeat(MAX_TICKET_TITLE - 2)}…`);
  });

  it("leaves the description the whole sentence, trimmed", () => {
    expect(reportFromSentence("  la presse fuit, c'est urgent \n", "fr", corpusMachines).description).toBe("la presse fuit, c'est urgent");
  });
});
