// A voice note's text, off the request path. The operation that stored the note
// asks for it after its response (requestTranscript): when the deployment has the
// AI binding and the plant turned transcription on, the note is marked pending and
// a job goes to the transcripts queue (wrangler.jsonc). worker.ts' queue() hands
// each job to the app (app/internal/transcribe), which runs transcribeVoiceNote:
// the audio from R2, the model, then the text written in the same statement as its
// status, and the open pages told through the hub. A failure is recorded (status
// failed, never shown as text) and thrown, so the queue tries again, then
// dead-letters the job.
import { getCloudflareContext } from "@opennextjs/cloudflare";
import type { Db } from "../db/client";
import { sql, sqlName } from "../db/sql";
import { isLocale, type Locale } from "../i18n";
import { getMessageView } from "../messages/queries";
import { publishLive, type LivePublish } from "../messages/live";
import { getSettings } from "../settings/settings";
import { ticketsChanged } from "../tickets/live";
import { TRANSCRIPT_STATUS } from "./model";
import type { TranscriptJob } from "./queue-message";
import { TRANSCRIBE_SETTING } from "./settings";
import { speechToText, transcribe, type SpeechToText } from "./transcribe";

/** Where a voice note's job goes: the queue by default; an operation's context may replace it (tests run it at once). */
export type TranscriptQueue = (job: TranscriptJob) => Promise<void>;

/** How an operation reaches speech-to-text: the worker's binding and queue unless its context gives its own. */
export interface SpeechContext {
  speech?: { ai: SpeechToText | null; queue?: TranscriptQueue };
}

const table = (kind: TranscriptJob["kind"]) => sqlName(kind === "message" ? "messages" : "media");

/** A deleted message's text goes with its words and its audio. */
export const NO_TRANSCRIPT = { transcript: null, transcriptStatus: null, transcriptEditedAt: null } as const;

/** A voice note just stored: a message by its id, a ticket's by its file (its row was written in a batch that returned nothing). */
export type StoredVoiceNote = { kind: "message"; id: number } | { kind: "media"; fileKey: string };

const enqueue: TranscriptQueue = async (job) => {
  const { env } = await getCloudflareContext({ async: true });
  await env.TRANSCRIBE_QUEUE.send(job);
};

/**
 * After a voice note is stored: marks it pending and queues its job, only where the
 * binding exists and the setting is on, in one statement that reads the setting
 * itself (a message's send runs this after its response; a ticket's waits for it, so
 * the page it renders again knows a text is coming). Never throws: a note without
 * its text is still a note.
 */
export async function requestTranscript(ctx: SpeechContext & { db: Db }, note: StoredVoiceNote): Promise<void> {
  try {
    if (!(await speechToText(ctx))) return;
    const [marked] = await ctx.db.$queryRaw<{ id: number }[]>(sql`
      UPDATE ${table(note.kind)} SET transcript_status = ${TRANSCRIPT_STATUS.pending}
      WHERE ${note.kind === "message" ? sql`id = ${note.id}` : sql`file_key = ${note.fileKey}`} AND transcript_status IS NULL
        AND EXISTS (SELECT 1 FROM settings WHERE key = ${TRANSCRIBE_SETTING} AND value = 'true')
      RETURNING id`);
    if (!marked) return;
    const job: TranscriptJob = { kind: note.kind, id: Number(marked.id) };
    try {
      await (ctx.speech?.queue ?? enqueue)(job);
    } catch (error) {
      await ctx.db.$executeRaw(sql`UPDATE ${table(job.kind)} SET transcript_status = ${TRANSCRIPT_STATUS.failed} WHERE id = ${job.id} AND transcript_status = ${TRANSCRIPT_STATUS.pending}`);
      throw error;
    }
  } catch (error) {
    console.error(`voice: transcript not requested (${JSON.stringify(note)}): ${String(error).split("\n")[0]}`);
  }
}

/** What a job needs: the database, the files, the model, and (tests) where live events go. */
export interface TranscriptEnv {
  db: Db;
  media: R2Bucket;
  ai: SpeechToText;
  publishLive?: LivePublish;
}

interface VoiceNote {
  audioKey: string;
  /** The author's language, else the plant's. */
  language: Locale;
  /** Written by the job only while this still holds: still there, the same file, never corrected by its author. */
  write(text: string): Promise<number>;
  fail(): Promise<number>;
  /** The open pages that show it. */
  tell(env: TranscriptEnv): Promise<void>;
}

/** The note as the job finds it: null when it is gone, deleted, already done or corrected. */
async function findVoiceNote(db: Db, job: TranscriptJob): Promise<VoiceNote | null> {
  // Asked (or failed before, and tried again), never corrected by its author.
  const unwritten = { transcriptEditedAt: null, transcriptStatus: { in: [TRANSCRIPT_STATUS.pending, TRANSCRIPT_STATUS.failed] } };
  if (job.kind === "message") {
    const message = await db.message.findFirst({
      where: { id: job.id, deletedAt: null, audioKey: { not: null }, ...unwritten },
      select: { audioKey: true, conversationKey: true, sender: { select: { locale: true } } },
    });
    if (!message?.audioKey) return null;
    const where = { id: job.id, deletedAt: null, audioKey: message.audioKey, transcriptEditedAt: null };
    return {
      audioKey: message.audioKey,
      language: await languageOf(db, message.sender.locale),
      write: async (text) => (await db.message.updateMany({ where, data: { transcript: text, transcriptStatus: TRANSCRIPT_STATUS.done } })).count,
      fail: async () => (await db.message.updateMany({ where: { ...where, ...unwritten }, data: { transcriptStatus: TRANSCRIPT_STATUS.failed } })).count,
      async tell(env) {
        const view = await getMessageView(db, { id: job.id });
        if (view) await publishLive(env, message.conversationKey, { type: "message", message: view });
      },
    };
  }
  const note = await db.media.findFirst({
    where: { id: job.id, fileType: { startsWith: "audio/" }, ticket: { deletedAt: null }, ...unwritten },
    select: { fileKey: true, uploader: { select: { locale: true } } },
  });
  if (!note) return null;
  const where = { id: job.id, fileKey: note.fileKey, transcriptEditedAt: null };
  return {
    audioKey: note.fileKey,
    language: await languageOf(db, note.uploader.locale),
    write: async (text) => (await db.media.updateMany({ where, data: { transcript: text, transcriptStatus: TRANSCRIPT_STATUS.done } })).count,
    fail: async () => (await db.media.updateMany({ where: { ...where, ...unwritten }, data: { transcriptStatus: TRANSCRIPT_STATUS.failed } })).count,
    // A ticket's page follows "tickets changed" while a note of its awaits its text (components/tickets/ticket-media.tsx).
    tell: async (env) => ticketsChanged(env),
  };
}

async function languageOf(db: Db, authorLocale: string | null): Promise<Locale> {
  return isLocale(authorLocale) ? authorLocale : (await getSettings(db)).defaultLocale;
}

/**
 * One job: "done" when the text was written, "skipped" when there was nothing to
 * do (the note is gone, or already has its text). Throws when the audio or the
 * model failed, after recording it.
 */
export async function transcribeVoiceNote(env: TranscriptEnv, job: TranscriptJob): Promise<"done" | "skipped"> {
  const note = await findVoiceNote(env.db, job);
  if (!note) return "skipped";
  let text: string;
  try {
    const object = await env.media.get(note.audioKey);
    if (!object) throw new Error(`the audio ${note.audioKey} is not in the bucket`);
    text = await transcribe(env.ai, new Uint8Array(await object.arrayBuffer()), note.language);
  } catch (error) {
    await note.fail();
    throw error;
  }
  if (!(await note.write(text))) return "skipped";
  await note.tell(env);
  return "done";
}
