import { getCloudflareContext } from "@opennextjs/cloudflare";
import { z } from "zod";
import { runScheduledJobs } from "@/cron";
import { getDb } from "@/lib/db/client";
import { consumeInternalToken, INTERNAL_TOKEN_HEADER } from "@/lib/internal-token";
import type { WebhookEnv } from "@/lib/webhooks/config";

// Reached only from worker.ts' `scheduled` handler: worker.ts answers 404 to any
// outside request under /internal/, and this handler also demands a one-time
// token that only exists inside the isolate.
const scheduledInput = z.object({
  cron: z.string().min(1).max(100),
  scheduledTime: z.number().int().positive(),
});

export async function POST(request: Request) {
  if (!consumeInternalToken(request.headers.get(INTERNAL_TOKEN_HEADER))) {
    return new Response("Not found", { status: 404 });
  }
  const parsed = scheduledInput.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid scheduled event" }, { status: 400 });

  const { env } = await getCloudflareContext({ async: true });
  const run = await runScheduledJobs(await getDb(), {
    cron: parsed.data.cron,
    now: new Date(parsed.data.scheduledTime),
    env: env as CloudflareEnv & WebhookEnv,
    media: env.MEDIA,
  });
  return Response.json(run, { status: run.outcome === "success" ? 200 : 500 });
}
