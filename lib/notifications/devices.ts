// A person's devices for Web Push ("Mes appareils" on the profile): a browser's
// subscription, checked before anything is stored. At most 5 per person, enforced
// inside the INSERT so two devices added at once cannot make a sixth.
import { z } from "zod";
import { sql, sqlDate } from "../db/sql";
import { writeBatch } from "../db/batch";
import { type Db } from "../db/client";
import { defineOperation, refuse } from "../operation";
import { checkOutboundUrl } from "../outbound-url";
import { fromBase64 } from "../base64";

/** The bytes of a base64url text (what PushSubscription.toJSON() gives), or null. */
function base64UrlBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  const plain = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(plain.padEnd(Math.ceil(plain.length / 4) * 4, "="));
}

export const MAX_DEVICES = 5;

/** What PushSubscription.toJSON() gives, and a name for the list. */
export const subscriptionInput = z.object({
  endpoint: z.string().trim().max(2000),
  keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
  name: z.string().trim().min(1).max(80),
});

export const registerPushDevice = defineOperation({ input: subscriptionInput }, async (input, { db, user, now = new Date() }) => {
  // Local runs and tests (WEBHOOK_ALLOW_PRIVATE=1, like webhook URLs) may use a push service on 127.0.0.1 over http.
  const allowPrivate = process.env.WEBHOOK_ALLOW_PRIVATE === "1";
  let url: URL | null = null;
  try {
    url = new URL(input.endpoint);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))) refuse("pushEndpoint", { field: "endpoint" });
  const problem = checkOutboundUrl(input.endpoint, { allowPrivate });
  if (problem === "private") refuse("pushEndpointPrivate", { field: "endpoint" });
  if (problem) refuse("pushEndpoint", { field: "endpoint" });
  // RFC 8291: the browser's P-256 public key (65 bytes, uncompressed) and a 16-byte authentication secret.
  const p256dh = base64UrlBytes(input.keys.p256dh);
  const auth = base64UrlBytes(input.keys.auth);
  if (!p256dh || p256dh.length !== 65 || p256dh[0] !== 4 || !auth || auth.length !== 16) refuse("pushKeys", { field: "keys" });

  const [inserted, owner] = await writeBatch(db, [
    // The same browser subscribing again for the same person: the same device, renewed. An endpoint is
    // no proof of holding the browser (anyone who learnt it could send it), so another person's device
    // is never taken over: their browser subscribes anew (components/profile/push-devices.tsx), which
    // ends the old subscription at the push service.
    sql`INSERT INTO push_devices (user_id, name, endpoint, p256dh, auth, created_at)
        SELECT ${user.id}, ${input.name}, ${input.endpoint}, ${input.keys.p256dh}, ${input.keys.auth}, ${sqlDate(now)}
        WHERE (SELECT COUNT(*) FROM push_devices WHERE user_id = ${user.id} AND endpoint <> ${input.endpoint}) < ${MAX_DEVICES}
        ON CONFLICT (endpoint) DO UPDATE SET name = excluded.name, p256dh = excluded.p256dh, auth = excluded.auth
          WHERE push_devices.user_id = excluded.user_id
        RETURNING id`,
    sql`SELECT user_id FROM push_devices WHERE endpoint = ${input.endpoint}`,
  ]);
  const row = inserted!.rows[0];
  if (!row) refuse(owner!.rows.length && Number(owner!.rows[0]!.user_id) !== user.id ? "pushEndpointTaken" : "pushTooManyDevices");
  return { id: Number(row.id) };
});

export const removePushDevice = defineOperation({ input: z.object({ id: z.coerce.number().int().positive() }) }, async (input, { db, user }) => {
  const { count } = await db.pushDevice.deleteMany({ where: { id: input.id, userId: user.id } });
  if (!count) refuse("notFound");
  return { id: input.id };
});

export async function listPushDevices(db: Db, userId: number) {
  return db.pushDevice.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, endpoint: true },
  });
}
