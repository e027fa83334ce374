// Workers AI as the integration tests see it: the Whisper stand-in
// (tests/fixtures/whisper-stand-in/) run by wrangler's test harness in workerd, and
// reached over RPC through its service stub, as the app reaches env.AI.run() on
// Cloudflare. What the app asked is read back from the stand-in itself.
import { afterAll, beforeAll } from "vitest";
import { createTestHarness } from "wrangler";
import type { SpeechToText } from "@/lib/voice/transcribe";
import type { RecordedCall } from "../../fixtures/whisper-stand-in/worker";
import { ROOT } from "../../../scripts/lib/migration-diff.mjs";

export interface WhisperStandIn extends SpeechToText {
  recorded(): Promise<RecordedCall[]>;
  failNext(count: number): Promise<void>;
}

/** The stand-in for the calling test file: started before its tests, stopped after them. */
export function whisperStandIn(): { ai: WhisperStandIn } {
  const holder = {} as { ai: WhisperStandIn };
  const server = createTestHarness({ root: ROOT, workers: [{ configPath: "tests/fixtures/whisper-stand-in/wrangler.jsonc" }] });
  beforeAll(async () => {
    await server.listen();
    holder.ai = (await server.getWorker().getExport()) as unknown as WhisperStandIn;
  });
  afterAll(() => server.close());
  return holder;
}
