import { getCloudflareContext } from "@opennextjs/cloudflare";
import { getDb } from "@/lib/db/client";
import { consumeInternalToken, INTERNAL_TOKEN_HEADER } from "@/lib/internal-token";
import { transcribeVoiceNote } from "@/lib/voice/jobs";
import { isTranscriptJob } from "@/lib/voice/queue-message";
import { speechToText } from "@/lib/voice/transcribe";

// Reached only from worker.ts' queue handler (lib/voice/queue.ts), like the cron's
// route: worker.ts answers 404 to any outside request under /internal/, and this
// handler demands a one-time token that only exists inside the isolate. 200 acks the
// job; any other answer has the queue try it again.
export async function POST(request: Request) {
  if (!consumeInternalToken(request.headers.get(INTERNAL_TOKEN_HEADER))) {
    return new Response("Not found", { status: 404 });
  }
  const job = await request.json().catch(() => null);
  if (!isTranscriptJob(job)) return Response.json({ error: "invalid transcript job" }, { status: 400 });
  const ai = await speechToText();
  // The binding was taken out after the job was queued: nothing will ever transcribe it.
  if (!ai) return Response.json({ outcome: "skipped" });
  const { env } = await getCloudflareContext({ async: true });
  try {
    return Response.json({ outcome: await transcribeVoiceNote({ db: await getDb(), media: env.MEDIA, ai }, job) });
  } catch (error) {
    // Recorded on the note (status failed); the queue's retry is the next attempt.
    return Response.json({ error: String(error).split("\n")[0] }, { status: 500 });
  }
}
