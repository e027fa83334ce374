// The transcripts queue's consumer (worker.ts queue()): each job is handed to the
// app (app/internal/transcribe, as the cron's run is: one copy of Prisma in the
// worker), which answers 200 once the note has its text or has nothing to do. Any
// other answer is a failure the app has recorded: the queue tries the job again
// after a growing delay, then puts it in the dead-letter queue (wrangler.jsonc).
import { retryDelaySeconds } from "../notifications/queue";
import { isTranscriptJob, type TranscriptJob } from "./queue-message";

export async function consumeTranscriptJobs(batch: MessageBatch<unknown>, handOff: (job: TranscriptJob) => Promise<Response>): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      // A message no code of ours wrote would never get better: said, and dropped.
      if (!isTranscriptJob(message.body)) {
        console.error(`voice: not a transcript job: ${JSON.stringify(message.body)}`);
        return message.ack();
      }
      try {
        const response = await handOff(message.body);
        if (!response.ok) throw new Error(`${response.status} ${(await response.text()).slice(0, 200)}`);
        message.ack();
      } catch (error) {
        console.error(`voice: transcription failed (${message.body.kind} ${message.body.id}, attempt ${message.attempts}): ${String(error).split("\n")[0]}`);
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
    }),
  );
}
