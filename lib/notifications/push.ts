// Web Push from the queue consumer (queue.ts): for each notification someone
// wants on their phone, one encrypted request per device of theirs (RFC 8291
// aes128gcm payload, RFC 8292 VAPID), through @block65/webcrypto-web-push (Web
// Crypto, made for Workers). Outcomes go to notification_pushes in one D1 batch
// per run: sent; gone (the push service answered 404/410: the device is removed);
// failed (at once, the device removed, when the endpoint is refused: the address
// check, or a redirect, which is never followed; after the retries the queue
// schedules for anything else: pushVerdict). Raw D1, no Prisma: this runs in
// worker.ts, outside the Next app.
import { buildPushPayload as encryptPush } from "@block65/webcrypto-web-push";
import { checkOutboundUrl } from "../outbound-url";
import { isLocale, type Locale } from "../i18n";
import { machineLabelSql } from "../machines/model";
import { joinGroupSql } from "../messages/model";
import { buildPushPayload, urgencyOf, type PushFacts } from "./push-payload";
import type { NotificationKind } from "./model";

export interface PushEnv {
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
  /** Local runs and tests: push services on 127.0.0.1, over plain HTTP. Never set in production. */
  WEBHOOK_ALLOW_PRIVATE?: string;
}

/** Attempts per device before a push is recorded as failed (the first one included). */
export const MAX_PUSH_ATTEMPTS = 4;
/** Seconds a push service keeps a push for a phone that is off: half a shift. */
export const PUSH_TTL_SECONDS = 12 * 60 * 60;
const PUSH_TIMEOUT_MS = 10_000;
/** Sends in flight at once: a team assignment's 100 pushes go in a few rounds, not one burst. */
const CONCURRENCY = 16;

export interface PushTarget extends PushFacts {
  deviceId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  attempts: number;
}

interface TargetRow {
  nid: number;
  kind: string;
  locale: string | null;
  actor_name: string | null;
  ticket_code: string | null;
  ticket_title: string | null;
  ticket_status: string | null;
  status_fr: string | null;
  status_en: string | null;
  ticket_priority: string | null;
  assigned_to: number | null;
  machine_id: number | null;
  machine_name: string;
  conversation_key: string | null;
  group_name: string | null;
  did: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  attempts: number | null;
}

/**
 * The pushes still to send for these notifications: one per device of each
 * recipient who wants the kind by push and is still active; none already sent or
 * given up. `only` narrows to (notification, device) pairs: a retry. One query.
 */
export async function loadPushTargets(d1: D1Database, notificationIds: number[], only?: { notificationId: number; deviceId: number }[]): Promise<PushTarget[]> {
  if (!notificationIds.length) return [];
  const { results } = await d1
    .prepare(
      `SELECT n.id AS nid, n.kind, COALESCE(u.locale, (SELECT json_extract(value, '$') FROM settings WHERE key = 'defaultLocale'), 'fr') AS locale,
              a.name AS actor_name, t.ticket_id AS ticket_code, t.title AS ticket_title, t.status AS ticket_status, c.name_fr AS status_fr, c.name_en AS status_en,
              t.priority AS ticket_priority, t.assigned_to, mc.id AS machine_id, ${machineLabelSql("mc")} AS machine_name,
              m.conversation_key, g.name AS group_name, d.id AS did, d.endpoint, d.p256dh, d.auth, p.attempts
       FROM notifications n
       JOIN users u ON u.id = n.recipient_id AND u.active = 1
       JOIN push_devices d ON d.user_id = n.recipient_id
       LEFT JOIN notification_pushes p ON p.notification_id = n.id AND p.device_id = d.id
       LEFT JOIN users a ON a.id = n.actor_id
       LEFT JOIN tickets t ON t.id = n.ticket_id
       LEFT JOIN board_columns c ON c.key = t.status
       LEFT JOIN machines mc ON mc.id = COALESCE(n.machine_id, t.machine_id)
       LEFT JOIN messages m ON m.id = n.message_id
       ${joinGroupSql("m.conversation_key")}
       WHERE n.id IN (SELECT value FROM json_each(?1)) AND n.push = 1
         AND (p.status IS NULL OR p.status = 'retrying')
         AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(?2) o
                                    WHERE json_extract(o.value, '$.notificationId') = n.id AND json_extract(o.value, '$.deviceId') = d.id))`,
    )
    .bind(JSON.stringify(notificationIds), only ? JSON.stringify(only) : null)
    .all<TargetRow>();
  return results.map((r) => ({
    notificationId: Number(r.nid),
    kind: r.kind as NotificationKind,
    locale: (isLocale(r.locale) ? r.locale : "fr") as Locale,
    actorName: r.actor_name,
    ticketCode: r.ticket_code,
    ticketTitle: r.ticket_title,
    ticketStatus: r.ticket_status,
    ticketColumn: { nameFr: r.status_fr, nameEn: r.status_en },
    ticketPriority: r.ticket_priority,
    ticketAssignedTo: r.assigned_to === null ? null : Number(r.assigned_to),
    machineId: r.machine_id === null ? null : Number(r.machine_id),
    machineName: r.machine_id === null ? null : r.machine_name,
    conversationKey: r.conversation_key,
    groupName: r.group_name,
    deviceId: Number(r.did),
    endpoint: r.endpoint,
    p256dh: r.p256dh,
    auth: r.auth,
    attempts: Number(r.attempts ?? 0),
  }));
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export function vapidKeysOf(env: PushEnv): VapidKeys | null {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env;
  return publicKey && privateKey ? { publicKey, privateKey, subject: subject || "mailto:maintenance@atelier.invalid" } : null;
}

export type PushOutcome = {
  status: number | null;
  error: string | null;
  /** Never worth another try: the address check refused the endpoint, or its push service answered a redirect. */
  refused?: boolean;
};

/**
 * One push. The library refuses a push service that is not https (RFC 8030);
 * a local run's push service on 127.0.0.1 speaks plain HTTP, so there (and only
 * where private addresses are allowed) the request is built for the https form of
 * the address, whose origin is the JWT's audience, and sent to the http one.
 */
export async function sendPush(target: PushTarget, vapid: VapidKeys, options: { allowLocal: boolean; fetch?: typeof fetch }): Promise<PushOutcome> {
  const endpoint = new URL(target.endpoint);
  if (checkOutboundUrl(target.endpoint, { allowPrivate: options.allowLocal }) || (endpoint.protocol !== "https:" && !options.allowLocal)) {
    return { status: null, error: "endpoint refused", refused: true };
  }
  const payload = buildPushPayload(target);
  const secure = new URL(endpoint);
  secure.protocol = "https:";
  try {
    const request = await encryptPush(
      { data: { ...payload }, options: { ttl: PUSH_TTL_SECONDS, urgency: urgencyOf(target.ticketPriority) === "high" ? "high" : "normal", topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 32) } },
      { endpoint: secure.href, expirationTime: null, keys: { p256dh: target.p256dh, auth: target.auth } },
      vapid,
    );
    const response = await (options.fetch ?? fetch)(endpoint.href, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      // A redirect could lead anywhere, a private address included, past the check made on the
      // endpoint: it is not followed, and it fails (webhooks refuse redirects the same way).
      redirect: "manual",
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    await response.body?.cancel();
    // workerd and Node give the 3xx itself; a browser's fetch would give an opaque redirect (status 0).
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      return { status: response.status, error: `redirect not followed (HTTP ${response.status})`, refused: true };
    }
    return response.ok ? { status: response.status, error: null } : { status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { status: null, error: String(error).split("\n")[0]!.slice(0, 300) };
  }
}

/** 404/410: the subscription is gone for good (RFC 8030 §7.3); the device is removed. */
const isGone = (outcome: PushOutcome) => outcome.status === 404 || outcome.status === 410;

type PushStatus = "sent" | "gone" | "failed" | "retrying";

/**
 * What becomes of one push and its device: sent; gone; failed at once when the
 * endpoint is refused (trying again would be refused again), the device removed
 * with it, as it will never take a push; otherwise tried again until the last attempt.
 */
export function pushVerdict(outcome: PushOutcome, attempts: number): { status: PushStatus; dropDevice: boolean } {
  if (outcome.error === null) return { status: "sent", dropDevice: false };
  if (isGone(outcome)) return { status: "gone", dropDevice: true };
  if (outcome.refused) return { status: "failed", dropDevice: true };
  return { status: attempts < MAX_PUSH_ATTEMPTS ? "retrying" : "failed", dropDevice: false };
}

export interface PushRunResult {
  sent: number;
  gone: number;
  failed: number;
  /** Pairs to try again later (the queue's delay). */
  retry: { notificationId: number; deviceId: number }[];
}

async function inPool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * Sends the pushes for these notifications and records every outcome in one D1
 * batch: the pushes' rows, the devices that are gone removed, the others' last use.
 */
export async function sendPushes(
  d1: D1Database,
  env: PushEnv,
  notificationIds: number[],
  options: { only?: { notificationId: number; deviceId: number }[]; fetch?: typeof fetch; now?: () => Date } = {},
): Promise<PushRunResult> {
  const result: PushRunResult = { sent: 0, gone: 0, failed: 0, retry: [] };
  const vapid = vapidKeysOf(env);
  if (!vapid) {
    console.error("notifications: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY are not set: no push sent");
    return result;
  }
  const targets = await loadPushTargets(d1, notificationIds, options.only);
  if (!targets.length) return result;
  const allowLocal = env.WEBHOOK_ALLOW_PRIVATE === "1";
  const outcomes = await inPool(targets, CONCURRENCY, (target) => sendPush(target, vapid, { allowLocal, fetch: options.fetch }));
  const stamp = (options.now?.() ?? new Date()).toISOString().replace("Z", "+00:00");
  const rows = targets.map((target, i) => {
    const outcome = outcomes[i]!;
    const attempts = target.attempts + 1;
    const { status, dropDevice } = pushVerdict(outcome, attempts);
    if (status === "sent") result.sent++;
    else if (status === "gone") result.gone++;
    else if (status === "failed") result.failed++;
    else result.retry.push({ notificationId: target.notificationId, deviceId: target.deviceId });
    return { n: target.notificationId, d: target.deviceId, s: status, a: attempts, r: outcome.status, e: outcome.error, x: dropDevice ? 1 : 0 };
  });
  const json = JSON.stringify(rows);
  await d1.batch([
    d1
      .prepare(
        `INSERT INTO notification_pushes (notification_id, device_id, status, attempts, response_status, error, updated_at)
         SELECT json_extract(e.value, '$.n'), json_extract(e.value, '$.d'), json_extract(e.value, '$.s'), json_extract(e.value, '$.a'),
                json_extract(e.value, '$.r'), json_extract(e.value, '$.e'), ?2
         FROM json_each(?1) e WHERE true
         ON CONFLICT (notification_id, device_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
           response_status = excluded.response_status, error = excluded.error, updated_at = excluded.updated_at`,
      )
      .bind(json, stamp),
    // A device the push service forgot, or one it will never take a push for: its rows keep their outcome, the device goes.
    d1
      .prepare(
        `UPDATE notification_pushes SET device_id = NULL
         WHERE device_id IN (SELECT json_extract(e.value, '$.d') FROM json_each(?1) e WHERE json_extract(e.value, '$.x') = 1)`,
      )
      .bind(json),
    d1.prepare(`DELETE FROM push_devices WHERE id IN (SELECT json_extract(e.value, '$.d') FROM json_each(?1) e WHERE json_extract(e.value, '$.x') = 1)`).bind(json),
    d1
      .prepare(`UPDATE push_devices SET last_used_at = ?2 WHERE id IN (SELECT json_extract(e.value, '$.d') FROM json_each(?1) e WHERE json_extract(e.value, '$.s') = 'sent')`)
      .bind(json, stamp),
  ]);
  return result;
}
