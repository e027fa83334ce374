import { beforeEach, describe, expect, it } from "vitest";
import { settleFiles, type FileCheck } from "./files";
import { emptyReport } from "./report";
import { emptyRows, type ImportPlan } from "./rows";

const at = new Date("2026-11-20T13:05:00.000Z");
const head = (...start: number[]) => Uint8Array.from([...start, ...new Array(16 - start.length).fill(0)]);
const jpeg = head(0xff, 0xd8, 0xff, 0xe0);
const webm = head(0x1a, 0x45, 0xdf, 0xa3);
const html = new TextEncoder().encode("<html><script>x");

function plan(): ImportPlan {
  const rows = emptyRows();
  const media = (id: number, key: string, type: string) => ({ id, ticket_id: 1, file_key: key, file_name: key, file_type: type, file_size: 10, uploaded_by: 1, created_at: at, duration: null });
  rows.media.push(media(1, "tickets/1/photo.jpg", "image/jpeg"), media(2, "tickets/1/note.webm", "audio/webm"), media(3, "tickets/1/page.html", "text/html"));
  rows.messages.push(
    { id: 1, sender_id: 1, recipient_id: null, content: "", audio_key: "messages/audio/1.webm", audio_duration: 7, audio_type: "audio/webm", audio_size: 5, read_at: null, created_at: at, conversation_key: "team" },
  );
  return {
    rows,
    report: { ...emptyReport(), counts: [{ table: "media", found: 3, imported: 3 }] },
    files: [
      { key: "tickets/1/photo.jpg", use: "media", table: "media", id: 1 },
      { key: "tickets/1/note.webm", use: "audio", table: "media", id: 2 },
      { key: "tickets/1/page.html", use: "media", table: "media", id: 3 },
      { key: "messages/audio/1.webm", use: "audio", table: "messages", id: 1 },
    ],
  };
}

describe("the files of the rows", () => {
  let p: ImportPlan;
  beforeEach(() => {
    p = plan();
  });

  it("without the bucket, keep the rows whose declared type Atelier serves, and copy nothing", () => {
    expect(settleFiles(p, null)).toEqual([]);
    expect(p.rows.media.map((m) => m.id)).toEqual([1, 2]);
    expect(p.report.counts[0]!.imported).toBe(2);
    expect(p.report.imported.find((n) => n.code === "filesNotCopied")?.count).toBe(3);
    expect(p.report.notImported.find((n) => n.code === "mediaWrongType")?.items).toEqual(["tickets/1/page.html (text/html)"]);
  });

  it("with the bucket, type and size each file by its bytes, give a voice note its length, and copy those Atelier serves", () => {
    const checks = new Map<string, FileCheck>([
      ["tickets/1/photo.jpg", { size: 1200, head: jpeg }],
      ["tickets/1/note.webm", { size: 4800, head: webm, seconds: 12 }],
      ["tickets/1/page.html", { size: 80, head: html }],
      ["messages/audio/1.webm", { size: 900, head: webm, seconds: 9 }],
    ]);
    expect(settleFiles(p, checks).map((f) => f.key)).toEqual(["tickets/1/photo.jpg", "tickets/1/note.webm", "messages/audio/1.webm"]);
    expect(p.rows.media.map((m) => [m.id, m.file_type, m.file_size, m.duration])).toEqual([
      [1, "image/jpeg", 1200, null],
      [2, "audio/webm", 4800, 12],
    ]);
    // The old messenger measured its own notes: its length stands.
    expect(p.rows.messages[0]).toMatchObject({ audio_type: "audio/webm", audio_size: 900, audio_duration: 7 });
  });

  it("refuse a file whose bytes are not what it claims, and drop a message left with nothing", () => {
    const checks = new Map<string, FileCheck>([
      ["tickets/1/photo.jpg", { size: 80, head: html }],
      ["messages/audio/1.webm", { size: 80, head: jpeg }],
    ]);
    settleFiles(p, checks);
    expect(p.rows.media.map((m) => m.id)).toEqual([2]);
    expect(p.rows.messages).toEqual([]);
  });

  it("report a missing object and keep its row (of a type Atelier serves), so the file can be copied later under its key", () => {
    const checks = new Map<string, FileCheck>([["tickets/1/photo.jpg", { size: 1200, head: jpeg }]]);
    settleFiles(p, checks);
    expect(p.rows.media.map((m) => m.id)).toEqual([1, 2]);
    expect(p.report.notImported.find((n) => n.code === "filesMissing")?.items).toEqual(["tickets/1/note.webm", "messages/audio/1.webm"]);
    // Missing too, and of a type Atelier does not serve: not imported.
    expect(p.report.notImported.find((n) => n.code === "mediaWrongType")?.items).toEqual(["tickets/1/page.html (text/html)"]);
  });
});
