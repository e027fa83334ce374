import type { Db } from "../lib/db";
import { deliverWebhook, DEFAULT_TIMEOUT_MS } from "../lib/webhooks/delivery";
import {
  cancelStaleRetries,
  claimDueRetries,
  claimNewNotifications,
  countOverdueTickets,
  loadClaimed,
  recordAttempt,
  type AttemptTrigger,
} from "../lib/webhooks/claims";
import { buildOverduePayload } from "../lib/webhooks/payload";
import { webhookUrlProblem, type WebhookConfig } from "../lib/webhooks/config";
import type { JobCounts } from "./record-run";

// A claim outlives the longest possible run (max per run × (timeout + pause)),
// so no overlapping run takes it back while this one is still sending.
const LEASE_MS = 15 * 60 * 1000;

export interface SweepOptions {
  now: Date;
  config: WebhookConfig;
  timeZone: string;
  trigger?: AttemptTrigger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  /** Claim tokens must be unique per run; tests may fix them. */
  token?: string;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The overdue sweep: one webhook per overdue ticket, at most one delivered per
 * ticket per window, failures retried with growing delays, at most maxPerRun
 * sends per run, oldest overdue first.
 */
export async function sendOverdueWebhooks(db: Db, options: SweepOptions): Promise<JobCounts> {
  const { now, config, timeZone, log = console.log, sleep = wait } = options;
  const trigger = options.trigger ?? "cron";

  const found = await countOverdueTickets(db, now);
  log(`📋 CRON: ${found} ticket(s) expiré(s) trouvé(s)`);
  if (!config.enabled) {
    log("⏸️ CRON: notifications désactivées par un administrateur : rien n’est envoyé");
    return { found, sent: 0, failed: 0, skipped: found };
  }
  if (!config.url) {
    log("⚠️ CRON: aucune URL de webhook configurée : aucune notification envoyée");
    return { found, sent: 0, failed: 0, skipped: found };
  }
  const problem = webhookUrlProblem(config);
  if (problem) throw new Error(`URL de webhook refusée (${problem}) : aucune notification envoyée`);

  await cancelStaleRetries(db, now);
  const token = options.token ?? crypto.randomUUID();
  const claim = { now, token, leaseUntil: new Date(now.getTime() + LEASE_MS) };
  const retries = await claimDueRetries(db, { ...claim, limit: config.maxPerRun });
  await claimNewNotifications(db, {
    ...claim,
    limit: config.maxPerRun - retries,
    windowStart: new Date(now.getTime() - config.windowMs),
    url: config.url,
  });
  const claimed = await loadClaimed(db, token);
  // Attempt times follow the wall clock from the run's `now` (which tests inject).
  const wallStart = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - wallStart));

  let sent = 0;
  let failed = 0;
  for (const [index, notification] of claimed.entries()) {
    if (index > 0 && config.pauseMs > 0) await sleep(config.pauseMs);
    const startedAt = clock();
    const payload =
      notification.payload ??
      JSON.stringify(buildOverduePayload(notification.ticket, { now: startedAt, timeZone, appUrl: config.appUrl }));
    const result = await deliverWebhook({
      url: config.url,
      id: notification.webhookId,
      body: payload,
      secret: config.secret,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: options.fetch,
    });
    await recordAttempt(db, {
      notificationId: notification.notificationId,
      token,
      attemptNumber: notification.attempts + 1,
      payload,
      startedAt,
      result,
      trigger,
    });
    const ticketId = notification.ticket.ticketId;
    if (result.ok) {
      sent++;
      log(`✅ CRON: Webhook envoyé pour ${ticketId} (status: ${result.status})`);
    } else {
      failed++;
      log(`❌ CRON: Échec du webhook pour ${ticketId} (${result.status ? `status: ${result.status}` : result.error})`);
    }
  }
  return { found, sent, failed, skipped: Math.max(0, found - claimed.length) };
}
