// A voice note on a ticket (the ticket page's action bar), on the real local D1
// and R2, as each role: stored with the length the recorder measured, in the
// timeline, listed on the page, refused like a message's when it is not audio or
// has no length, and never on a ticket the person may not see.
import { beforeAll, describe, expect, it } from "vitest";
import { perform } from "@/lib/operation";
import { roles, type Role } from "@/lib/permissions";
import { addVoiceNote, deleteMedia } from "@/lib/tickets/media";
import { createTicket } from "@/lib/tickets/operations";
import { getTicketDetails } from "@/lib/tickets/queries";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";

const t = freshDatabase();
let cast: Cast;
let machineId: number;

const as = (role: Role) => contextFor(t.db, cast[role], { media: t.media });
/** What Chromium's MediaRecorder writes: a WebM (EBML) file, which states no duration. */
const webm = () => new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(200).fill(3)])], "note.webm", { type: "audio/webm" });

async function ticketOf(role: Role) {
  const result = await perform(createTicket, { title: `Bruit de ${role}`, machineId }, as(role));
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

beforeAll(async () => {
  cast = await createCast(t.db, "vn");
  machineId = (await createMachineRow(t.db)).id;
});

describe("a voice note on a ticket", () => {
  it("is added by each role to a ticket they may see, with its length, and said in the timeline", async () => {
    for (const role of roles) {
      const ticket = await ticketOf(role);
      const added = await perform(addVoiceNote, { ticketId: ticket.id, audio: [webm()], audioDuration: "12" }, as(role));
      expect(added).toEqual({ ok: true, data: { count: 1 } });
      const details = await getTicketDetails(t.db, ticket.ticketId, { ...cast[role], visibility: "own" });
      expect(details!.media).toEqual([expect.objectContaining({ fileType: "audio/webm", duration: 12, uploadedBy: cast[role].id, uploader: { name: cast[role].name } })]);
      const [event] = await t.db.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "voice_note_added" } });
      expect(event).toMatchObject({ actorId: cast[role].id, toValue: "12" });
    }
  });

  it("is refused when it is not audio or has no length, storing nothing", async () => {
    const ticket = await ticketOf("technician");
    const before = { rows: await t.db.media.count(), objects: (await t.media.list({ prefix: "tickets/" })).objects.length };
    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)])], "note.webm");
    const notAudio = await perform(addVoiceNote, { ticketId: ticket.id, audio: [jpeg], audioDuration: "5" }, as("technician"));
    expect(notAudio).toMatchObject({ ok: false, code: "audioType", fieldErrors: { audio: expect.stringContaining("note vocale") } });
    const noLength = await perform(addVoiceNote, { ticketId: ticket.id, audio: [webm()], audioDuration: "0" }, as("technician"));
    expect(noLength).toMatchObject({ ok: false, code: "audioTooLong" });
    expect(await t.db.media.count()).toBe(before.rows);
    expect((await t.media.list({ prefix: "tickets/" })).objects).toHaveLength(before.objects);
  });

  it("is refused on a ticket the operator may not see, as for one that does not exist", async () => {
    const colleagues = await ticketOf("technician");
    const refused = await perform(addVoiceNote, { ticketId: colleagues.id, audio: [webm()], audioDuration: "3" }, as("operator"));
    expect(refused).toMatchObject({ ok: false, code: "notFound" });
  });

  it("removed, leaves the timeline saying a voice note of that length was removed", async () => {
    const ticket = await ticketOf("supervisor");
    await perform(addVoiceNote, { ticketId: ticket.id, audio: [webm()], audioDuration: "7" }, as("supervisor"));
    const note = await t.db.media.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(await perform(deleteMedia, { id: note.id }, as("supervisor"))).toMatchObject({ ok: true });
    expect(await t.media.get(note.fileKey)).toBeNull();
    const [event] = await t.db.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "voice_note_removed" } });
    expect(event).toMatchObject({ actorId: cast.supervisor.id, fromValue: "7" });
  });
});
