// What a voice note's transcript is, for the server and the pages alike (no
// binding, no database here: client components import it).
import type { Messages } from "../i18n";

/**
 * The longest text kept: a message's (lib/messages/model.ts MAX_TEXT), under a
 * ticket's, so the author can save it back unchanged wherever the note is. A voice
 * note of a few minutes says far less.
 */
export const MAX_TRANSCRIPT = 4000;

/** Where a note's transcript stands (messages.transcript_status, media.transcript_status); null: never asked. */
export const TRANSCRIPT_STATUS = {
  /** Asked: its job is in the queue. */
  pending: "pending",
  /** The text is there (maybe empty: nothing was said). */
  done: "done",
  /** The model or the audio failed; the queue tries again, then gives up. Never shown. */
  failed: "failed",
} as const;

/** Text as shown and searched: the model's spacing made plain, at most MAX_TRANSCRIPT characters. */
export function cleanTranscript(text: string): string {
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length <= MAX_TRANSCRIPT ? plain : `${plain.slice(0, MAX_TRANSCRIPT - 1).trimEnd()}…`;
}

/** The words a transcript shows (components/voice/transcript.tsx), and no others: they travel to the page. */
export function transcriptLabels(t: Messages) {
  const { automatic, edited, edit, editShort, editLabel, save, saving, cancel } = t.voice;
  return { automatic, edited, edit, editShort, editLabel, save, saving, cancel, counter: t.common.counter, overLimit: t.common.overLimit };
}
export type TranscriptLabels = ReturnType<typeof transcriptLabels>;
