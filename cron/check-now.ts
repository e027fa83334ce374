// An admin's "check now" on the Notifications page: the sweep the cron runs every
// 5 minutes, started by hand and recorded as a run like the scheduled ones. It is
// an operation (permission checked in perform()), never a public route (the
// deployment guide's checklist removed /api/test-cron); it lives here, beside the
// scheduled run, because recording runs is cron/'s job and lib/ never imports cron/.
import { z } from "zod";
import { defineOperation, refuse } from "../lib/operation";
import { REQUEST_RUN_BUDGET_MS } from "../lib/webhooks/sweep";
import { getWebhookEnv } from "../lib/webhooks/config";
import { runScheduledJobs } from ".";

export const runCheckNow = defineOperation({ input: z.object({}), permission: "notifications.manage" }, async (_input, { db, webhookEnv, now = new Date() }) => {
  const run = await runScheduledJobs(db, {
    cron: null,
    now,
    env: webhookEnv ?? (await getWebhookEnv()),
    // The admin waits for the answer: an HTTP request's budget, not a Cron Trigger's.
    sweep: { budgetMs: REQUEST_RUN_BUDGET_MS },
  });
  if (run.outcome === "error") refuse("webhookRunFailed", { values: { error: run.error ?? "" } });
  return { found: run.found, sent: run.sent, failed: run.failed, skipped: run.skipped };
});
