// Work that follows a write and that nobody waits for: a live publish, a queue
// send. On the worker it goes to the request's waitUntil, so the answer leaves at
// once and the isolate stays up until the work ends; elsewhere (tests, scripts)
// it simply runs. Each task handles its own failure: none may fail the request.
import { getCloudflareContext } from "@opennextjs/cloudflare";

export function continueAfterResponse(...tasks: Promise<unknown>[]): void {
  const all = Promise.allSettled(tasks);
  try {
    getCloudflareContext().ctx.waitUntil(all);
  } catch {
    // Outside a request there is no context to wait on: the tasks run on their own.
  }
}
