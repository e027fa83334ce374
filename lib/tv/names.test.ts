import { describe, expect, it } from "vitest";
import { firstNames } from "./names";

describe("names on the shop's screens", () => {
  it("are first names, compound ones whole", () => {
    const names = firstNames(["Julie Roy", "Marie-Ève Tremblay", "Patrick  Lavoie", "Émilie Côté"]);
    expect([...names.values()]).toEqual(["Julie", "Marie-Ève", "Patrick", "Émilie"]);
  });

  it("tell two people of the same first name apart by an initial, and never show more", () => {
    const names = firstNames(["Marc Gagnon", "Marc Tremblay", "Julie Roy", "Marc Gagnon"]);
    expect(Object.fromEntries(names)).toEqual({ "Marc Gagnon": "Marc G.", "Marc Tremblay": "Marc T.", "Julie Roy": "Julie" });
    expect(Object.fromEntries(firstNames(["Sophie", "Sophie Tremblay"]))).toEqual({ Sophie: "Sophie", "Sophie Tremblay": "Sophie T." });
  });
});
