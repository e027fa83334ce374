import { describe, expect, it } from "vitest";
import { transcribe, WHISPER_MODEL, type SpeechToText, type WhisperInput } from "./transcribe";

/** A binding that answers what it is given, in the documented output's shape. */
function binding(answer: (input: WhisperInput) => unknown): SpeechToText & { calls: { model: string; input: WhisperInput }[] } {
  const calls: { model: string; input: WhisperInput }[] = [];
  return {
    calls,
    run: async (model, input) => {
      calls.push({ model, input });
      return answer(input) as Awaited<ReturnType<SpeechToText["run"]>>;
    },
  };
}

describe("transcribe", () => {
  it("sends the file's bytes as base64 with the language, and keeps the answer's text", async () => {
    const ai = binding(() => ({ text: " Convoyeur arrêté,\n courroie cassée. ", word_count: 4, transcription_info: { language: "fr" } }));
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(await transcribe(ai, bytes, "fr")).toBe("Convoyeur arrêté, courroie cassée.");
    expect(ai.calls).toEqual([{ model: WHISPER_MODEL, input: { audio: Buffer.from(bytes).toString("base64"), language: "fr" } }]);
  });

  it("fails on an answer without a text, so that the queue tries again", async () => {
    await expect(transcribe(binding(() => ({ word_count: 0 })), new Uint8Array([1, 2, 3]), "en")).rejects.toThrow(/without a text/);
  });
});
