// The transcripts queue's messages (wrangler.jsonc queues): one voice note each.
// Kept apart from jobs.ts so worker.ts, which only dispatches them, bundles none of
// the app's modules (Prisma stays in the Next app, as for the notifications queue).

/** The queue's name: worker.ts' queue() tells its batches by it. */
export const TRANSCRIPTS_QUEUE = "atelier-transcripts";

/** A voice note: a message's (messages.audio_key) or a ticket's (a media row of type audio/*). */
export interface TranscriptJob {
  kind: "message" | "media";
  id: number;
}

export function isTranscriptJob(value: unknown): value is TranscriptJob {
  const job = value as Partial<TranscriptJob> | null;
  return (job?.kind === "message" || job?.kind === "media") && Number.isInteger(job.id) && job.id! > 0;
}
