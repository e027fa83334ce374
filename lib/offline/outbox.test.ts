import { describe, expect, it } from "vitest";
import { entryFields, entryFiles, isQueued } from "./outbox";

describe("an outbox entry", () => {
  it("keeps a form's text and files, without the empty part of a file input left empty", () => {
    const form = new FormData();
    form.set("title", "Fuite d’huile");
    form.append("photos", new File([new Uint8Array([0xff, 0xd8, 0xff])], "fuite.jpg"));
    form.append("photos", new File([], ""));
    form.set("audio", new File([new Uint8Array(4)], "note.webm"));
    const fields = entryFields(form);
    expect(fields.map(([name, value]) => [name, typeof value === "string" ? value : value.name])).toEqual([
      ["title", "Fuite d’huile"],
      ["photos", "fuite.jpg"],
      ["audio", "note.webm"],
    ]);
    expect(entryFiles({ fields })).toEqual({ photos: 1, audio: 1 });
  });

  it("is told apart from an operation's own answer", () => {
    expect(isQueued({ queued: "b6c1" })).toBe(true);
    expect(isQueued({ id: 4, ticketId: "TKT-1" })).toBe(false);
    expect(isQueued(null)).toBe(false);
  });
});
