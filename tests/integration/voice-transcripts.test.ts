// Voice notes transcribed (issue 23, item 3) on the real local D1 and R2, Workers AI
// played by the Whisper stand-in behind a real RPC binding (helpers/speech.ts): which
// model is called with which audio and language, the text stored with its status and
// told to the open pages, search with the visibility of the message or ticket, the
// author-only correction, a failure recorded and tried again; and without the binding
// or the setting, nothing at all.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { messagesFor } from "@/lib/i18n";
import type { LiveEvent } from "@/lib/messages/live";
import { privateKey, TEAM } from "@/lib/messages/model";
import { createGroup, removeGroupMember } from "@/lib/messages/groups";
import { deleteMessage, sendMessage } from "@/lib/messages/operations";
import { getHistory } from "@/lib/messages/queries";
import { perform, type ActionContext } from "@/lib/operation";
import { roles, type Role, type TicketReader } from "@/lib/permissions";
import { parseSearch } from "@/lib/site-search/model";
import { searchEverything } from "@/lib/site-search/queries";
import { addVoiceNote } from "@/lib/tickets/media";
import { createTicket } from "@/lib/tickets/operations";
import { getTicketDetails } from "@/lib/tickets/queries";
import { editMessageTranscript, editVoiceNoteTranscript } from "@/lib/voice/edit";
import { requestTranscript, transcribeVoiceNote } from "@/lib/voice/jobs";
import type { TranscriptJob } from "@/lib/voice/queue-message";
import { updateTranscription } from "@/lib/voice/settings";
import { speechToText, WHISPER_MODEL } from "@/lib/voice/transcribe";
import { SAID } from "../fixtures/whisper-stand-in/said";
import { contextFor, createCast, createMachineRow, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { direct, directOffline, refusal } from "./helpers/refusal";
import { whisperStandIn } from "./helpers/speech";

const t = freshDatabase();
const speech = whisperStandIn();
let cast: Cast;
let others: Cast;
let machineId: number;

const send = directOffline(sendMessage);
const unsend = directOffline(deleteMessage);
const report = direct(createTicket);
const addNote = direct(addVoiceNote);
const setTranscription = direct(updateTranscription);
const editNote = direct(editVoiceNoteTranscript);

/** A recorded note: a WebM head (lib/file-types.ts checks it), then bytes of its own. */
function recording(seed: number) {
  const bytes = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...Array.from({ length: 600 }, (_, i) => (i * seed + seed) % 251)]);
  return { bytes, file: new File([bytes], "note.webm", { type: "audio/webm" }), base64: Buffer.from(bytes).toString("base64") };
}

/** A deployment with Workers AI, as an operation sees it: the stand-in, a queue that collects its jobs, the hub's events. */
function deployment() {
  const jobs: TranscriptJob[] = [];
  const events: { key: string; event: LiveEvent }[] = [];
  const context: Partial<ActionContext> = {
    media: t.media,
    speech: { ai: speech.ai, queue: async (job) => void jobs.push(job) },
    publishLive: async (key, event) => void events.push({ key, event }),
  };
  /** The queue's consumer, as app/internal/transcribe runs it. */
  const run = (job: TranscriptJob) => transcribeVoiceNote({ db: t.db, media: t.media, ai: speech.ai, publishLive: context.publishLive }, job);
  return { jobs, events, context, run };
}

function voiceMessage(conversation: string, file: File) {
  return { clientId: crypto.randomUUID(), conversation, content: "", photos: [], audio: [file], audioDuration: 6 };
}

async function noteOf(ticketId: number) {
  return t.db.media.findFirstOrThrow({ where: { ticketId, fileType: { startsWith: "audio/" } }, orderBy: { id: "desc" } });
}

const reader = (who: Cast[Role], visibility: TicketReader["visibility"] = "own"): TicketReader => ({ id: who.id, role: who.role, visibility });
const find = (who: TicketReader, q: string) => searchEverything(t.db, who, parseSearch(q));
const lastCall = async () => (await speech.ai.recorded()).at(-1);

beforeAll(async () => {
  cast = await createCast(t.db, "voice");
  others = await createCast(t.db, "autre");
  machineId = (await createMachineRow(t.db, "Presse")).id;
  await setTranscription(t.db, cast.admin, { transcribe: "on" }, { speech: { ai: speech.ai } });
});

describe("the setting", () => {
  it("is the admin's alone, written with its audit entry", async () => {
    for (const role of roles.filter((r) => r !== "admin")) {
      expect((await refusal(setTranscription(t.db, cast[role], { transcribe: "on" }, { speech: { ai: speech.ai } }))).code, role).toBe("forbidden");
    }
    expect(await setTranscription(t.db, cast.admin, {}, { speech: { ai: speech.ai } })).toBe(false);
    expect(await setTranscription(t.db, cast.admin, { transcribe: "on" }, { speech: { ai: speech.ai } })).toBe(true);
    const [entry] = await t.db.auditLog.findMany({ where: { action: "setting.changed", entityId: "voice" }, orderBy: { id: "desc" }, take: 1 });
    expect(entry).toMatchObject({ actorId: cast.admin.id, before: '{"transcribe":false}', after: '{"transcribe":true}' });
  });

  it("cannot be turned on without the AI binding, and says why in words", async () => {
    const refused = await perform(updateTranscription, { transcribe: "on" }, contextFor(t.db, cast.admin, { speech: { ai: null } }));
    expect(refused).toEqual({ ok: false, code: "transcriptionUnavailable", error: messagesFor("fr").rules.transcriptionUnavailable });
    // Outside a worker and with no binding given, there is none.
    expect(await speechToText()).toBeNull();
  });
});

describe("a voice note in a conversation", () => {
  it("is sent to Whisper as the base64 of its bytes in its author's language; the text is stored with its status and told to the conversation", async () => {
    const { jobs, events, context, run } = deployment();
    const note = recording(3);
    const key = privateKey(cast.technician.id, cast.supervisor.id);
    const sent = await send(t.db, cast.technician, voiceMessage(key, note.file), context);
    expect(sent.transcript).toBeNull();
    // Asked after the send's response, off its path.
    await vi.waitFor(() => expect(jobs).toEqual([{ kind: "message", id: sent.id }]));
    expect(await t.db.message.findUniqueOrThrow({ where: { id: sent.id }, select: { transcriptStatus: true } })).toEqual({ transcriptStatus: "pending" });

    expect(await run(jobs[0]!)).toBe("done");
    expect(await lastCall()).toEqual({ model: WHISPER_MODEL, input: { audio: note.base64, language: "fr" } });
    expect(await t.db.message.findUniqueOrThrow({ where: { id: sent.id }, select: { transcript: true, transcriptStatus: true, transcriptEditedAt: true } })).toEqual({
      transcript: SAID.fr,
      transcriptStatus: "done",
      transcriptEditedAt: null,
    });
    // The send told the conversation, then the text did: the same message, now with its words.
    const told = events.filter((e) => e.event.type === "message" && e.event.message.id === sent.id);
    expect(told).toHaveLength(2);
    expect(told[1]).toMatchObject({ key, event: { message: { transcript: { text: SAID.fr, edited: false } } } });
    expect((await getHistory(t.db, key)).messages.find((m) => m.id === sent.id)?.transcript).toEqual({ text: SAID.fr, edited: false });
    // The queue delivers at least once: a second delivery finds the text there and does nothing.
    const calls = (await speech.ai.recorded()).length;
    expect(await run(jobs[0]!)).toBe("skipped");
    expect(await speech.ai.recorded()).toHaveLength(calls);
  });

  it("is heard in English when its author chose English", async () => {
    const { jobs, context, run } = deployment();
    const note = recording(5);
    await t.db.user.update({ where: { id: cast.operator.id }, data: { locale: "en" } });
    try {
      const sent = await send(t.db, cast.operator, voiceMessage(TEAM, note.file), context);
      await vi.waitFor(() => expect(jobs).toHaveLength(1));
      await run(jobs[0]!);
      expect(await lastCall()).toEqual({ model: WHISPER_MODEL, input: { audio: note.base64, language: "en" } });
      expect((await getHistory(t.db, TEAM)).messages.find((m) => m.id === sent.id)?.transcript?.text).toBe(SAID.en);
    } finally {
      await t.db.user.update({ where: { id: cast.operator.id }, data: { locale: null } });
    }
  });

  it("that failed is recorded as failed, shows no text, and is transcribed when the queue tries again", async () => {
    const { jobs, context, run } = deployment();
    const sent = await send(t.db, cast.supervisor, voiceMessage(TEAM, recording(7).file), context);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    await speech.ai.failNext(1);
    await expect(run(jobs[0]!)).rejects.toThrow(/Capacity temporarily exceeded/);
    expect(await t.db.message.findUniqueOrThrow({ where: { id: sent.id }, select: { transcript: true, transcriptStatus: true } })).toEqual({
      transcript: null,
      transcriptStatus: "failed",
    });
    expect((await getHistory(t.db, TEAM)).messages.find((m) => m.id === sent.id)?.transcript).toBeNull();
    expect(await run(jobs[0]!)).toBe("done");
    expect((await getHistory(t.db, TEAM)).messages.find((m) => m.id === sent.id)?.transcript?.text).toBe(SAID.fr);
  });

  it("deleted, loses its text with it, and a late job does nothing", async () => {
    const { jobs, context, run } = deployment();
    const sent = await send(t.db, cast.technician, voiceMessage(TEAM, recording(11).file), context);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    await run(jobs[0]!);
    await unsend(t.db, cast.technician, { id: sent.id }, { media: t.media });
    expect(await t.db.message.findUniqueOrThrow({ where: { id: sent.id }, select: { transcript: true, transcriptStatus: true } })).toEqual({
      transcript: null,
      transcriptStatus: null,
    });
    expect((await find(reader(cast.technician), "joint verin")).messages.items.map((m) => m.id)).not.toContain(sent.id);
    expect(await run(jobs[0]!)).toBe("skipped");
  });
});

describe("a voice note on a ticket", () => {
  it("is transcribed in its uploader's language, shown on the ticket, and the ticket's open pages are told", async () => {
    const { jobs, events, context, run } = deployment();
    const note = recording(13);
    const ticket = await report(t.db, cast.operator, { title: "Bruit au vérin", machineId, photos: [] });
    await addNote(t.db, cast.technician, { ticketId: ticket.id, audio: [note.file], audioDuration: "9" }, context);
    const row = await noteOf(ticket.id);
    // Asked before the page renders again, so the page knows a text is coming.
    expect(jobs).toEqual([{ kind: "media", id: row.id }]);
    expect(row.transcriptStatus).toBe("pending");
    expect(await run(jobs[0]!)).toBe("done");
    expect(await lastCall()).toEqual({ model: WHISPER_MODEL, input: { audio: note.base64, language: "fr" } });
    const details = await getTicketDetails(t.db, ticket.ticketId, reader(cast.technician));
    expect(details!.media.find((m) => m.id === row.id)).toMatchObject({ transcript: SAID.fr, transcriptStatus: "done", transcriptEditedAt: null });
    expect(events).toContainEqual({ key: TEAM, event: { type: "tickets" } });
  });
});

describe("search", () => {
  it("finds a transcript as it finds its message or its ticket: by those who may read them, and nobody else", async () => {
    const { jobs, context, run } = deployment();
    const key = privateKey(cast.technician.id, cast.supervisor.id);
    const sent = await send(t.db, cast.supervisor, voiceMessage(key, recording(17).file), context);
    const ticket = await report(t.db, cast.operator, { title: "Presse bruyante", machineId, photos: [] });
    await addNote(t.db, cast.operator, { ticketId: ticket.id, audio: [recording(19).file], audioDuration: "4" }, context);
    await vi.waitFor(() => expect(jobs).toHaveLength(2));
    for (const job of jobs) await run(job);

    // The message: its two people find it, marked as heard in the voice note; anyone else does not.
    for (const member of [cast.supervisor, cast.technician]) {
      const found = (await find(reader(member), "joint du verin")).messages.items.find((m) => m.id === sent.id);
      expect(found, member.name).toMatchObject({ inVoiceNote: true, conversationKey: key });
      expect(found!.passage.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining(["joint", "vérin"]));
    }
    for (const role of roles) {
      expect((await find(reader(others[role], "all"), "joint du verin")).messages.items.map((m) => m.id), role).not.toContain(sent.id);
    }
    // The ticket: found by who may open it, with the passage from its voice notes; an operator who sees only their own reports does not.
    const hit = (await find(reader(cast.technician), "joint verin")).tickets.items.find((i) => i.ticketId === ticket.ticketId);
    expect(hit?.passage?.source).toBe("voiceNotes");
    expect((await find(reader(cast.operator), "joint verin")).tickets.items.map((i) => i.ticketId)).toContain(ticket.ticketId);
    expect((await find(reader(others.operator, "own"), "joint verin")).tickets.items.map((i) => i.ticketId)).not.toContain(ticket.ticketId);
  });
});

describe("a voice note in a group", () => {
  it("is found and corrected by the group's members alone: a member taken out no longer finds it nor corrects their own", async () => {
    const { jobs, context, run } = deployment();
    const { key } = await directOffline(createGroup)(t.db, cast.supervisor, { name: "Presses, équipe de nuit", members: [cast.technician.id, cast.operator.id] });
    const sent = await send(t.db, cast.technician, voiceMessage(key, recording(41).file), context);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    expect(await run(jobs[0]!)).toBe("done");

    for (const member of [cast.supervisor, cast.technician, cast.operator]) {
      expect((await find(reader(member), "joint du verin")).messages.items.find((m) => m.id === sent.id), member.name).toMatchObject({ inVoiceNote: true, conversationKey: key });
    }
    for (const role of roles) {
      expect((await find(reader(others[role], "all"), "joint du verin")).messages.items.map((m) => m.id), role).not.toContain(sent.id);
    }
    // Out of the group, its author loses the note with the rest of the group: as if it did not exist.
    await directOffline(removeGroupMember)(t.db, cast.supervisor, { group: Number(key.slice(1)), member: cast.technician.id });
    expect((await find(reader(cast.technician), "joint du verin")).messages.items.map((m) => m.id)).not.toContain(sent.id);
    const refused = await perform(editMessageTranscript, { id: sent.id, text: "Autre chose" }, contextFor(t.db, cast.technician, context));
    expect(refused).toMatchObject({ ok: false, code: "notFound" });
    expect((await t.db.message.findUniqueOrThrow({ where: { id: sent.id } })).transcript).toBe(SAID.fr);
    expect((await find(reader(cast.operator), "joint du verin")).messages.items.map((m) => m.id)).toContain(sent.id);
  });
});

describe("correcting a transcript", () => {
  it("in a conversation is the author's alone: the other person and outsiders are refused in words, nothing is written", async () => {
    const { jobs, events, context, run } = deployment();
    const key = privateKey(cast.technician.id, cast.supervisor.id);
    const sent = await send(t.db, cast.technician, voiceMessage(key, recording(23).file), context);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    await run(jobs[0]!);
    const before = await t.db.message.findUniqueOrThrow({ where: { id: sent.id } });

    const other = await perform(editMessageTranscript, { id: sent.id, text: "Rien à signaler" }, contextFor(t.db, cast.supervisor, context));
    expect(other).toEqual({ ok: false, code: "transcriptNotYours", error: messagesFor("fr").rules.transcriptNotYours });
    const outsider = await perform(editMessageTranscript, { id: sent.id, text: "Rien à signaler" }, contextFor(t.db, others.technician, context));
    expect(outsider).toMatchObject({ ok: false, code: "notFound" });
    const empty = await perform(editMessageTranscript, { id: sent.id, text: "   " }, contextFor(t.db, cast.technician, context));
    expect(empty).toMatchObject({ ok: false, code: "invalid", fieldErrors: { text: expect.any(String) } });
    expect(await t.db.message.findUniqueOrThrow({ where: { id: sent.id } })).toEqual(before);

    const corrected = await perform(editMessageTranscript, { id: sent.id, text: "La presse 3 fuit encore : joint de la pompe à changer." }, contextFor(t.db, cast.technician, context));
    expect(corrected).toMatchObject({ ok: true, data: { id: sent.id, transcript: { text: "La presse 3 fuit encore : joint de la pompe à changer.", edited: true } } });
    expect(events.at(-1)).toMatchObject({ key, event: { type: "message", message: { id: sent.id, transcript: { edited: true } } } });
    expect((await find(reader(cast.supervisor), "pompe")).messages.items.map((m) => m.id)).toContain(sent.id);
    // The model never writes over a corrected text, even if the job comes again.
    await t.db.message.update({ where: { id: sent.id }, data: { transcriptStatus: "failed" } });
    expect(await run(jobs[0]!)).toBe("skipped");
    expect((await t.db.message.findUniqueOrThrow({ where: { id: sent.id } })).transcript).toBe("La presse 3 fuit encore : joint de la pompe à changer.");
  });

  it("on a ticket is the author's alone, and the correction is in the ticket's timeline", async () => {
    const { jobs, context, run } = deployment();
    const ticket = await report(t.db, cast.operator, { title: "Fuite au vérin", machineId, photos: [] });
    await addNote(t.db, cast.technician, { ticketId: ticket.id, audio: [recording(29).file], audioDuration: "5" }, context);
    await run(jobs[0]!);
    const note = await noteOf(ticket.id);

    for (const who of [cast.supervisor, cast.admin, others.technician]) {
      expect((await refusal(editNote(t.db, who, { id: note.id, text: "Autre chose" }))).code, who.name).toBe("transcriptNotYours");
    }
    // An operator who may not open the ticket: as if the note did not exist.
    expect((await refusal(editNote(t.db, others.operator, { id: note.id, text: "Autre chose" }))).code).toBe("notFound");
    expect(await t.db.ticketEvent.count({ where: { ticketId: ticket.id, type: "transcript_edited" } })).toBe(0);
    expect((await noteOf(ticket.id)).transcript).toBe(SAID.fr);

    expect(await editNote(t.db, cast.technician, { id: note.id, text: "Joint du vérin changé, plus de fuite." })).toEqual({ id: note.id });
    const details = await getTicketDetails(t.db, ticket.ticketId, reader(cast.technician));
    expect(details!.media.find((m) => m.id === note.id)).toMatchObject({ transcript: "Joint du vérin changé, plus de fuite.", transcriptEditedAt: expect.any(Date) });
    expect(details!.events.filter((e) => e.type === "transcript_edited")).toEqual([expect.objectContaining({ toValue: String(note.id), actor: { name: cast.technician.name } })]);
    expect((await find(reader(cast.technician), "plus de fuite")).tickets.items.find((i) => i.ticketId === ticket.ticketId)?.passage?.source).toBe("voiceNotes");
  });
});

describe("nothing is transcribed", () => {
  it("without the AI binding, even with the setting on", async () => {
    const jobs: TranscriptJob[] = [];
    const withoutAi = { media: t.media, speech: { ai: null, queue: async (job: TranscriptJob) => void jobs.push(job) } };
    const sent = await send(t.db, cast.technician, voiceMessage(TEAM, recording(31).file), withoutAi);
    // What the send runs after its response, awaited here.
    await requestTranscript({ db: t.db, ...withoutAi }, { kind: "message", id: sent.id });
    const ticket = await report(t.db, cast.technician, { title: "Sans IA", machineId, photos: [] });
    await addNote(t.db, cast.technician, { ticketId: ticket.id, audio: [recording(37).file], audioDuration: "3" }, withoutAi);
    expect(jobs).toEqual([]);
    expect((await t.db.message.findUniqueOrThrow({ where: { id: sent.id } })).transcriptStatus).toBeNull();
    expect((await noteOf(ticket.id)).transcriptStatus).toBeNull();
  });

  it("while the setting is off", async () => {
    await setTranscription(t.db, cast.admin, {}, { speech: { ai: speech.ai } });
    try {
      const { jobs, context } = deployment();
      const ticket = await report(t.db, cast.technician, { title: "Réglage éteint", machineId, photos: [] });
      await addNote(t.db, cast.technician, { ticketId: ticket.id, audio: [recording(41).file], audioDuration: "3" }, context);
      expect(jobs).toEqual([]);
      expect((await noteOf(ticket.id)).transcriptStatus).toBeNull();
    } finally {
      await setTranscription(t.db, cast.admin, { transcribe: "on" }, { speech: { ai: speech.ai } });
    }
  });
});
