import { describe, expect, it, vi } from "vitest";
import { consumeTranscriptJobs } from "./queue";
import type { TranscriptJob } from "./queue-message";

function message(body: unknown, attempts = 1) {
  return { body, attempts, id: crypto.randomUUID(), timestamp: new Date(), ack: vi.fn(), retry: vi.fn() };
}

function batch(...messages: ReturnType<typeof message>[]) {
  return { queue: "atelier-transcripts", messages, ackAll: vi.fn(), retryAll: vi.fn() } as unknown as MessageBatch<unknown>;
}

describe("the transcripts queue's consumer", () => {
  it("hands each job to the app: acked when it answers 200, tried again later when it fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const done = message({ kind: "message", id: 4 });
    const failed = message({ kind: "media", id: 9 }, 3);
    const unreachable = message({ kind: "media", id: 10 });
    const handed: TranscriptJob[] = [];
    await consumeTranscriptJobs(batch(done, failed, unreachable), async (job) => {
      handed.push(job);
      if (job.id === 10) throw new Error("the app did not answer");
      return new Response(null, { status: job.id === 4 ? 200 : 500 });
    });
    expect(handed).toEqual([{ kind: "message", id: 4 }, { kind: "media", id: 9 }, { kind: "media", id: 10 }]);
    expect(done.ack).toHaveBeenCalledOnce();
    expect(done.retry).not.toHaveBeenCalled();
    expect(failed.ack).not.toHaveBeenCalled();
    expect(failed.retry).toHaveBeenCalledWith({ delaySeconds: 8 });
    expect(unreachable.retry).toHaveBeenCalledWith({ delaySeconds: 2 });
  });

  it("drops what is not a job without handing it over: it would never succeed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const odd = [message({ kind: "ticket", id: 1 }), message({ kind: "message", id: -1 }), message("message 4")];
    const handOff = vi.fn();
    await consumeTranscriptJobs(batch(...odd), handOff);
    expect(handOff).not.toHaveBeenCalled();
    for (const m of odd) expect(m.ack).toHaveBeenCalledOnce();
  });
});
