import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { builtInColumns, columnName, firstColumnOf, keysOf, stageOf, statusName, type BoardColumn } from "./columns";

const plant: BoardColumn[] = [
  ...builtInColumns.map((c, i) => ({ id: i + 1, key: c.key, stage: c.stage, nameFr: null, nameEn: null, color: "slate" as const, position: i + 1, protected: false, deleted: false })),
  { id: 7, key: "col_7", stage: "in_work", nameFr: "Contrôle qualité", nameEn: "Quality check", color: "teal", position: 0, protected: false, deleted: false },
  { id: 8, key: "col_8", stage: "new", nameFr: "À trier", nameEn: "To sort", color: "cyan", position: 9, protected: false, deleted: true },
];

describe("a column's words", () => {
  it("are its own names, or the catalogue's word for a built-in one never renamed, and the key as written for none", () => {
    expect(columnName(plant[6]!, "fr", messagesFor("fr"))).toBe("Contrôle qualité");
    expect(columnName(plant[6]!, "en", messagesFor("en"))).toBe("Quality check");
    expect(columnName({ key: "waiting_parts", nameFr: "Pièces commandées", nameEn: null }, "en", messagesFor("en"))).toBe("Waiting for parts");
    expect(columnName({ key: "waiting_parts", nameFr: "Pièces commandées", nameEn: null }, "fr", messagesFor("fr"))).toBe("Pièces commandées");
    // A deleted column keeps its name for the histories that name it.
    expect(statusName(plant, "col_8", "fr", messagesFor("fr"))).toBe("À trier");
    expect(statusName(plant, "col_404", "fr", messagesFor("fr"))).toBe("col_404");
  });
});

describe("a column's stage", () => {
  it("is what the rules read: keys by stage (deleted columns included), and the first live column of a stage", () => {
    expect(stageOf(plant, "col_7")).toBe("in_work");
    expect(stageOf(plant, "col_404")).toBeNull();
    expect(keysOf(plant, "new")).toEqual(["received", "diagnostic", "col_8"]);
    expect(keysOf(plant, "done", "archived")).toEqual(["completed", "archived"]);
    // The plant's own column, placed first, is where "Commencer" now leads.
    expect(firstColumnOf([...plant].sort((a, b) => a.position - b.position), "in_work")?.key).toBe("col_7");
    expect(firstColumnOf(plant, "new")?.key).toBe("received");
  });
});
