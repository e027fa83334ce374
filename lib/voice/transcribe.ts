// THE SPEECH-TO-TEXT CONTRACT: what Atelier sends to Whisper on Workers AI and
// reads back, in one place. The binding (`AI`) is optional: wrangler.jsonc does not
// declare it, so `npm start` runs offline; a deployment that adds it (docs/deploy.md)
// can transcribe voice notes once an admin turns it on (settings.ts).
//
// The shapes are Cloudflare's, as the model's page documents them and as the
// workers types generate them (Ai_Cf_Openai_Whisper_Large_V3_Turbo_Input/Output):
// the audio as the base64 of the file's bytes, the language as an ISO 639-1 code
// (the model assumes "en" when none is given), and `text` the one field the
// answer always holds. Tests run the same calls against a stand-in with these
// shapes, behind a real service binding (tests/fixtures/whisper-stand-in/).
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { z } from "zod";
import { toBase64 } from "../base64";
import type { Locale } from "../i18n";
import { cleanTranscript } from "./model";

export const WHISPER_MODEL = "@cf/openai/whisper-large-v3-turbo";

export type WhisperInput = Ai_Cf_Openai_Whisper_Large_V3_Turbo_Input;
export type WhisperOutput = Ai_Cf_Openai_Whisper_Large_V3_Turbo_Output;

/** What Atelier needs of the AI binding: the one model it runs. The binding `Ai` is one. */
export interface SpeechToText {
  run(model: typeof WHISPER_MODEL, input: WhisperInput): Promise<WhisperOutput>;
}

const whisperOutput = z.object({ text: z.string() });

/** The deployment's AI binding, or null when it has none (an operation's context may give its own: tests). */
export async function speechToText(options: { speech?: { ai: SpeechToText | null } } = {}): Promise<SpeechToText | null> {
  if (options.speech) return options.speech.ai;
  try {
    // Not in wrangler.jsonc by default: the generated env type does not list it.
    return ((await getCloudflareContext({ async: true })).env as { AI?: SpeechToText }).AI ?? null;
  } catch {
    return null;
  }
}

/**
 * The words of a voice note, in the language it was spoken in. Throws when the
 * model fails or answers without text: the caller records the failure and the
 * queue tries again.
 */
export async function transcribe(ai: SpeechToText, audio: Uint8Array, language: Locale): Promise<string> {
  const input: WhisperInput = { audio: toBase64(audio), language };
  const parsed = whisperOutput.safeParse(await ai.run(WHISPER_MODEL, input));
  if (!parsed.success) throw new Error(`${WHISPER_MODEL} answered without a text`);
  return cleanTranscript(parsed.data.text);
}
