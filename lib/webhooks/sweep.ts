import type { Db } from "../db/client";
import { deliverWebhook, DEFAULT_TIMEOUT_MS } from "./delivery";
import {
  cancelStaleRetries,
  claimDueRetries,
  claimNewNotifications,
  loadClaimed,
  recordAttempt,
  releaseClaims,
  sweepQuestions,
  type AttemptTrigger,
} from "./claims";
import { askQuestions } from "../job-questions";
import { buildOverduePayload } from "./payload";
import { webhookUrlProblem, type WebhookConfig } from "./config";

// The platform's limits the sweep stays under (Cloudflare Workers, checked 2026-12):
// a Cron Trigger invocation is stopped after 15 minutes of wall time; an HTTP request
// (an admin's "check now") has no wall-time limit while its client waits, but a person
// waits about a minute. A run claims only what its budget covers at the worst case
// (timeout + pause per send): 20 s left room for a single send, none on a busy worker. Waiting on D1 or on a
// receiver costs no CPU time; the CPU a run spends grows with its sends, which "max
// per run" bounds (10 ms on the free plan is a few dozen sends).
export const CRON_RUN_BUDGET_MS = 10 * 60_000;
export const REQUEST_RUN_BUDGET_MS = 60_000;
// What a send may take beyond the receiver's timeout and the pause: signing, two D1 writes.
const SEND_OVERHEAD_MS = 2_000;
// Kept on every lease beyond the sends it covers.
const LEASE_MARGIN_MS = 60_000;

/** The longest one send can take, as the settings allow it. */
export function worstSendMs(pauseMs: number, timeoutMs: number): number {
  return timeoutMs + pauseMs + SEND_OVERHEAD_MS;
}

/**
 * How many notifications to claim now: as many as can be sent, each at its worst,
 * before the run's budget is spent, within what "max per run" still allows. Zero
 * means the run is near the platform's limit and stops claiming.
 */
export function claimSize({ remainingMs, worstMs, quota }: { remainingMs: number; worstMs: number; quota: number }): number {
  return Math.max(0, Math.min(quota, Math.floor(remainingMs / worstMs)));
}

/** A lease outlives every send it covers at its worst, so no other run takes a claim still being sent. */
export function leaseMs(count: number, worstMs: number): number {
  return count * worstMs + LEASE_MARGIN_MS;
}

/** What a sweep did, as cron_runs counts it. */
export interface SweepCounts {
  found: number;
  sent: number;
  failed: number;
  skipped: number;
}

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
  /** Wall time the run may use: a Cron Trigger's by default. */
  budgetMs?: number;
  /** Milliseconds of wall time since the run started; tests move it. */
  elapsedMs?: () => number;
  /** The answer to sweepQuestions(), when the cron asked it with the other jobs' questions; else the sweep asks. */
  answer?: SweepAnswer;
}

export interface SweepAnswer {
  /** Overdue tickets. */
  found: number;
  /** Anything to send or cancel: false, and the sweep makes no other query. */
  due: boolean;
}

/** The sweep's question, asked alone (a caller that did not ask it with others). */
export async function askSweep(db: Db, now: Date, windowMs: number): Promise<SweepAnswer> {
  const answer = await askQuestions(db, now, sweepQuestions(new Date(now.getTime() - windowMs)));
  return { found: answer.webhooksFound, due: answer.webhooksDue > 0 };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The overdue sweep: one webhook per overdue ticket, at most one delivered per
 * ticket per window, failures retried with growing delays, at most maxPerRun
 * sends per run, oldest overdue first.
 */
export async function sendOverdueWebhooks(db: Db, options: SweepOptions): Promise<SweepCounts> {
  const { now, config, timeZone, log = console.log, sleep = wait } = options;
  const trigger = options.trigger ?? "cron";

  const { found, due } = options.answer ?? (await askSweep(db, now, config.windowMs));
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

  if (!config.appUrl) {
    throw new Error("adresse publique d’Atelier inconnue (réglage de la page Réglages ou APP_URL) : aucune notification envoyée");
  }
  const { url, appUrl } = config;
  // Nothing waiting and every overdue ticket told of within the window: no claim could change a row.
  if (!due) return { found, sent: 0, failed: 0, skipped: found };

  await cancelStaleRetries(db, now);
  const token = options.token ?? crypto.randomUUID();
  const budgetMs = options.budgetMs ?? CRON_RUN_BUDGET_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const worstMs = worstSendMs(config.pauseMs, timeoutMs);
  const wallStart = Date.now();
  const elapsed = options.elapsedMs ?? (() => Date.now() - wallStart);
  // Attempt times follow the wall clock from the run's `now` (which tests inject).
  const clock = () => new Date(now.getTime() + elapsed());

  let sent = 0;
  let failed = 0;
  let taken = 0;
  try {
    // Claims are taken a few at a time, each batch leased for as long as its sends can
    // take, so a lease always outlives its sends whatever the settings; the run claims
    // no more once its budget could not cover another send.
    claiming: while (taken < config.maxPerRun) {
      const size = claimSize({ remainingMs: budgetMs - elapsed(), worstMs, quota: config.maxPerRun - taken });
      if (size === 0) {
        log("⏳ CRON: limite de durée d’exécution proche : le reste part à la prochaine vérification");
        break;
      }
      const claimedAt = clock();
      const sendBy = claimedAt.getTime() + size * worstMs;
      const claim = { now: claimedAt, token, leaseUntil: new Date(claimedAt.getTime() + leaseMs(size, worstMs)) };
      const retries = await claimDueRetries(db, { ...claim, limit: size });
      const fresh = await claimNewNotifications(db, {
        ...claim,
        limit: size - retries,
        windowStart: new Date(claimedAt.getTime() - config.windowMs),
        url,
      });
      if (retries + fresh === 0) break;
      const claimed = await loadClaimed(db, token);
      taken += claimed.length;

      for (const notification of claimed) {
        if (sent + failed > 0 && config.pauseMs > 0) await sleep(config.pauseMs);
        // Slower than the worst case allowed for (a slow D1): stop before the lease could lapse.
        if (clock().getTime() + worstMs > sendBy) {
          log("⏳ CRON: exécution plus lente que prévu : le reste part à la prochaine vérification");
          break claiming;
        }
        const startedAt = clock();
        const payload =
          notification.payload ?? JSON.stringify(buildOverduePayload(notification.ticket, { now: startedAt, timeZone, appUrl }));
        const result = await deliverWebhook({
          url,
          id: notification.webhookId,
          body: payload,
          secret: config.secret,
          timeoutMs,
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
    }
  } finally {
    // Whatever stopped the run (its budget, an error), what it claimed and did not
    // send is due again at once, for the next run, instead of waiting out the lease.
    const released = await releaseClaims(db, token, clock());
    if (released > 0) log(`⏳ CRON: ${released} envoi(s) rendu(s) pour la prochaine vérification`);
  }
  return { found, sent, failed, skipped: Math.max(0, found - sent - failed) };
}
