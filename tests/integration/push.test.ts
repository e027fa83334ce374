import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nameKey } from "@/lib/accounts/names";
import { setUserActive } from "@/lib/accounts/users";
import { registerPushDevice } from "@/lib/notifications/devices";
import type { NotificationRow } from "@/lib/notifications/events";
import { saveNotificationPreferences } from "@/lib/notifications/operations";
import { MAX_PUSH_ATTEMPTS, PUSH_TTL_SECONDS } from "@/lib/notifications/push";
import { deliver, type QueueEnv } from "@/lib/notifications/queue";
import type { NotifyMessage } from "@/lib/notifications/queue-message";
import { perform, type Actor } from "@/lib/operation";
import { assignTicket } from "@/lib/tickets/operations";
import { contextFor, createMachineRow } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { decryptPush, newSubscriptionKeys, startPushService, verifyVapid, type PushAnswer, type SubscriptionKeys } from "./helpers/web-push";

const t = freshDatabase();
let service: Awaited<ReturnType<typeof startPushService>>;
let answer: (path: string, count: number) => PushAnswer = () => 201;

function vapid() {
  const jwk = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({ format: "jwk" });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")]);
  return { VAPID_PUBLIC_KEY: point.toString("base64url"), VAPID_PRIVATE_KEY: jwk.d!, VAPID_SUBJECT: "mailto:chef@usine.test" };
}
const keys = vapid();
const enqueued: { body: NotifyMessage; delaySeconds?: number }[] = [];
const published: number[][] = [];
let env: QueueEnv;

let tag = 0;
async function person(role: Actor["role"], name: string, locale: string | null = null): Promise<Actor> {
  const email = `${role}.${++tag}@push.test`;
  const user = await t.db.user.create({ data: { email, name, role, passwordHash: "x", locale, nameKey: `${nameKey(name)} ${tag}` } });
  return { id: user.id, name, email, role };
}

async function ok<T>(actor: Actor, operation: Parameters<typeof perform>[0], input: unknown, rows?: NotificationRow[]) {
  const result = await perform(operation, input, contextFor(t.db, actor, { dispatchNotifications: async (r) => void rows?.push(...r) }));
  if (!result.ok) throw new Error(`refused: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data as T;
}

/** A browser subscribing: its keys, and the device row the profile's button makes. */
async function subscribe(actor: Actor, path: string): Promise<SubscriptionKeys & { deviceId: number }> {
  const sub = await newSubscriptionKeys();
  const { id } = await ok<{ id: number }>(actor, registerPushDevice, { endpoint: `${service.url}${path}`, keys: { p256dh: sub.p256dh, auth: sub.auth }, name: "Pixel 8" });
  return { ...sub, deviceId: id };
}

let machineId: number;
async function assignNew(lead: Actor, to: number | "team", priority = "high") {
  const ticket = await t.db.ticket.create({
    data: { ticketId: `TKT-M001-20261124-${String(++tag).padStart(4, "0")}`, title: "Courroie qui siffle", machineId, reportedBy: lead.id, priority },
  });
  const rows: NotificationRow[] = [];
  await ok(lead, assignTicket, { id: ticket.id, assignee: to }, rows);
  return { ticket, rows };
}

let lead: Actor, tech: Actor, anglo: Actor;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  service = await startPushService((path, count) => answer(path, count));
  machineId = (await createMachineRow(t.db, "Presse")).id;
  lead = await person("supervisor", "Sophie Tremblay");
  tech = await person("technician", "Élise Roy");
  anglo = await person("technician", "John Smith", "en");
  env = {
    DB: t.d1,
    ...keys,
    WEBHOOK_ALLOW_PRIVATE: "1",
    CONVERSATION_HUB: { getByName: () => ({ publish: async (ids: number[]) => void published.push(ids) }) } as unknown as QueueEnv["CONVERSATION_HUB"],
    NOTIFY_QUEUE: { send: async (body: NotifyMessage, options?: { delaySeconds?: number }) => void enqueued.push({ body, delaySeconds: options?.delaySeconds }) } as unknown as QueueEnv["NOTIFY_QUEUE"],
  };
});
afterAll(async () => {
  Reflect.deleteProperty(process.env, "WEBHOOK_ALLOW_PRIVATE");
  await service.close();
});
beforeEach(async () => {
  answer = () => 201;
  enqueued.length = 0;
  published.length = 0;
  service.requests.length = 0;
  await t.db.pushDevice.deleteMany({});
  await t.db.notificationPreference.deleteMany({});
});
afterEach(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
});

describe("a push as the phone receives it", () => {
  it("is encrypted for the device, in the recipient's language, with the ticket, machine, vibration, link and 'J'y vais'", async () => {
    const fr = await subscribe(tech, "/sub/fr");
    const en = await subscribe(anglo, "/sub/en");
    const before = Math.floor(Date.now() / 1000);
    const { ticket, rows } = await assignNew(lead, "team", "critical");
    const result = await deliver(env, { notifications: rows });

    expect(result).toMatchObject({ sent: 2, gone: 0, failed: 0, retry: [] });
    expect(published).toEqual([expect.arrayContaining([tech.id, anglo.id])]);
    const byPath = Object.fromEntries(service.requests.map((r) => [r.path, r]));
    const french = JSON.parse((await decryptPush(byPath["/sub/fr"]!.body, fr)).text);
    const english = JSON.parse((await decryptPush(byPath["/sub/en"]!.body, en)).text);
    expect(french).toMatchObject({
      title: `Sophie Tremblay a assigné ${ticket.ticketId} à toute l’équipe`,
      body: "Presse X1 — Courroie qui siffle",
      url: `/tickets/${ticket.ticketId}`,
      vibrate: [400, 100, 400, 100, 400],
      actions: [{ action: "take", title: "J’y vais" }],
      lang: "fr",
      ticketCode: ticket.ticketId,
    });
    expect(english).toMatchObject({ title: `Sophie Tremblay assigned ${ticket.ticketId} to the whole team`, actions: [{ action: "take", title: "On my way" }], lang: "en" });

    const push = byPath["/sub/fr"]!;
    expect(push.headers).toMatchObject({ "content-encoding": "aes128gcm", ttl: String(PUSH_TTL_SECONDS), urgency: "high" });
    const { claims, key, valid } = await verifyVapid(push.headers.authorization);
    expect(valid).toBe(true);
    expect(key).toBe(keys.VAPID_PUBLIC_KEY);
    expect(claims.aud).toBe(service.origin);
    expect(claims.sub).toBe("mailto:chef@usine.test");
    // RFC 8292 §2: at most 24 hours ahead.
    expect(claims.exp).toBeGreaterThan(before);
    expect(claims.exp).toBeLessThanOrEqual(before + 24 * 60 * 60 + 5);

    const outcomes = await t.db.notificationPush.findMany({ where: { deviceId: { in: [fr.deviceId, en.deviceId] } } });
    expect(outcomes.map((o) => o.status)).toEqual(["sent", "sent"]);
    expect((await t.db.pushDevice.findUniqueOrThrow({ where: { id: fr.deviceId } })).lastUsedAt).not.toBeNull();
    // Delivered again (a redelivered queue message), nothing is sent twice.
    expect(await deliver(env, { notifications: rows })).toMatchObject({ sent: 0 });
  });

  it("a medium-priority ticket asks for normal urgency and a short vibration", async () => {
    const sub = await subscribe(tech, "/sub/medium");
    const { rows } = await assignNew(lead, tech.id, "medium");
    await deliver(env, { notifications: rows });
    expect(service.requests[0]!.headers.urgency).toBe("normal");
    expect(JSON.parse((await decryptPush(service.requests[0]!.body, sub)).text).vibrate).toEqual([200]);
  });
});

describe("what the push service answers", () => {
  it("404 or 410 removes the device", async () => {
    const gone = await subscribe(tech, "/sub/gone");
    const lost = await subscribe(tech, "/sub/lost");
    answer = (path) => (path === "/sub/gone" ? 410 : 404);
    const { rows } = await assignNew(lead, tech.id);
    expect(await deliver(env, { notifications: rows })).toMatchObject({ sent: 0, gone: 2 });
    expect(await t.db.pushDevice.count({ where: { id: { in: [gone.deviceId, lost.deviceId] } } })).toBe(0);
    expect(await t.db.notificationPush.count({ where: { notificationId: rows[0]!.id, status: "gone" } })).toBe(2);
  });

  it("other failures are tried again later with a growing delay, then recorded as failed", async () => {
    const sub = await subscribe(tech, "/sub/flaky");
    answer = () => 503;
    const { rows } = await assignNew(lead, tech.id);
    let message: NotifyMessage = { notifications: rows };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
      enqueued.length = 0;
      const result = await deliver(env, message);
      if (attempt < MAX_PUSH_ATTEMPTS) {
        expect(result.retry).toEqual([{ notificationId: rows[0]!.id, deviceId: sub.deviceId }]);
        message = enqueued[0]!.body;
        delays.push(enqueued[0]!.delaySeconds!);
      } else {
        expect(result).toMatchObject({ failed: 1, retry: [] });
        expect(enqueued).toEqual([]);
      }
    }
    expect(delays).toEqual([2, 4, 8]);
    expect(service.requests).toHaveLength(MAX_PUSH_ATTEMPTS);
    expect(await t.db.notificationPush.findFirst({ where: { notificationId: rows[0]!.id } })).toMatchObject({ status: "failed", attempts: MAX_PUSH_ATTEMPTS, responseStatus: 503 });
    // The device stays: the service was only unwell.
    expect(await t.db.pushDevice.count({ where: { id: sub.deviceId } })).toBe(1);
  });

  it("a redirect is not followed: the address it names receives nothing, and the push fails at once, its device dropped", async () => {
    // The address a redirect names could be anything, a private one included: the check made on the
    // endpoint (registration, then each send) would not have seen it. Webhooks refuse redirects the same way.
    const elsewhere = await startPushService();
    try {
      const statuses = [301, 302, 303, 307, 308];
      const devices = [];
      for (const status of statuses) devices.push(await subscribe(tech, `/sub/moved-${status}`));
      answer = (path) => ({ status: Number(path.split("-").at(-1)), location: `${elsewhere.url}/collect${path}` });
      const { rows } = await assignNew(lead, tech.id);
      expect(await deliver(env, { notifications: rows })).toMatchObject({ sent: 0, gone: 0, failed: statuses.length, retry: [] });
      expect(service.requests).toHaveLength(statuses.length);
      expect(elsewhere.requests).toEqual([]);
      expect(enqueued).toEqual([]);
      const outcomes = await t.db.notificationPush.findMany({ where: { notificationId: rows[0]!.id }, orderBy: { responseStatus: "asc" } });
      expect(outcomes.map((o) => [o.status, o.attempts, o.responseStatus])).toEqual(statuses.map((status) => ["failed", 1, status]));
      expect(await t.db.pushDevice.count({ where: { id: { in: devices.map((d) => d.deviceId) } } })).toBe(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("an endpoint the address check refuses is dropped at once, not tried again", async () => {
    // Registered where private addresses were allowed (or before the check): each send checks again.
    const sub = await newSubscriptionKeys();
    const device = await t.db.pushDevice.create({
      data: { userId: tech.id, name: "Ancien", endpoint: "https://10.0.0.5/push/ancien", p256dh: sub.p256dh, auth: sub.auth, createdAt: new Date() },
    });
    const { rows } = await assignNew(lead, tech.id);
    expect(await deliver({ ...env, WEBHOOK_ALLOW_PRIVATE: undefined }, { notifications: rows })).toMatchObject({ sent: 0, failed: 1, retry: [] });
    expect(enqueued).toEqual([]);
    expect(await t.db.notificationPush.findFirst({ where: { notificationId: rows[0]!.id } })).toMatchObject({ status: "failed", attempts: 1, error: "endpoint refused" });
    expect(await t.db.pushDevice.count({ where: { id: device.id } })).toBe(0);
  });

  it("a retry that succeeds is recorded as sent", async () => {
    await subscribe(tech, "/sub/once");
    answer = (_path, count) => (count === 1 ? 500 : 201);
    const { rows } = await assignNew(lead, tech.id);
    await deliver(env, { notifications: rows });
    expect(await deliver(env, enqueued[0]!.body)).toMatchObject({ sent: 1 });
  });
});

describe("who gets a push", () => {
  it("in-app only writes the notification and sends nothing", async () => {
    await subscribe(tech, "/sub/quiet");
    await ok(tech, saveNotificationPreferences, { assigned: "app", overdue: "push", report_status: "app", report_comment: "app", message: "push", mention: "push" });
    const { rows } = await assignNew(lead, tech.id);
    expect(rows).toEqual([expect.objectContaining({ recipientId: tech.id, push: false })]);
    await deliver(env, { notifications: rows });
    expect(service.requests).toEqual([]);
    expect(published).toEqual([[tech.id]]);
  });

  it("a deactivated person gets nothing and their devices are removed", async () => {
    const admin = await person("admin", "Anne Admin");
    const leaving = await person("technician", "Paul Parti");
    await subscribe(leaving, "/sub/leaving");
    const { rows } = await assignNew(lead, leaving.id);
    await ok(admin, setUserActive, { id: leaving.id, active: false });
    expect(await t.db.pushDevice.count({ where: { userId: leaving.id } })).toBe(0);
    await deliver(env, { notifications: rows });
    expect(service.requests).toEqual([]);
  });
});

describe("a device is checked before it is stored", () => {
  const register = async (actor: Actor, input: unknown) => perform(registerPushDevice, input, contextFor(t.db, actor));

  it("refuses a malformed endpoint or keys with a clear message, and stores nothing", async () => {
    const sub = await newSubscriptionKeys();
    const cases = [
      [{ endpoint: "pas une adresse", keys: { p256dh: sub.p256dh, auth: sub.auth }, name: "x" }, "pushEndpoint"],
      [{ endpoint: "ftp://push.example/a", keys: { p256dh: sub.p256dh, auth: sub.auth }, name: "x" }, "pushEndpoint"],
      [{ endpoint: "https://push.example/a", keys: { p256dh: "AAAA", auth: sub.auth }, name: "x" }, "pushKeys"],
      [{ endpoint: "https://push.example/a", keys: { p256dh: sub.p256dh, auth: "not base64!" }, name: "x" }, "pushKeys"],
    ] as const;
    for (const [input, code] of cases) expect(await register(tech, input)).toMatchObject({ ok: false, code });
    expect((await register(tech, { endpoint: "https://push.example/a", keys: { p256dh: sub.p256dh, auth: sub.auth }, name: "x" })).ok).toBe(true);
    expect(await t.db.pushDevice.count()).toBe(1);
  });

  it("refuses an endpoint in a private network outside local and test runs", async () => {
    Reflect.deleteProperty(process.env, "WEBHOOK_ALLOW_PRIVATE");
    const sub = await newSubscriptionKeys();
    for (const endpoint of ["https://10.0.0.5/push", "https://localhost/push", "http://127.0.0.1:9/push"]) {
      const result = await register(tech, { endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth }, name: "x" });
      expect(result.ok).toBe(false);
    }
    expect(await t.db.pushDevice.count()).toBe(0);
  });

  it("an endpoint someone else registered stays theirs: registering it again is refused and changes nothing", async () => {
    const theirs = await subscribe(tech, "/sub/known");
    const mine = await newSubscriptionKeys();
    const result = await register(anglo, { endpoint: `${service.url}/sub/known`, keys: { p256dh: mine.p256dh, auth: mine.auth }, name: "Le mien" });
    expect(result).toMatchObject({ ok: false, code: "pushEndpointTaken" });
    expect(await t.db.pushDevice.findUniqueOrThrow({ where: { id: theirs.deviceId } })).toMatchObject({
      userId: tech.id,
      name: "Pixel 8",
      p256dh: theirs.p256dh,
      auth: theirs.auth,
    });
    expect(await t.db.pushDevice.count({ where: { userId: anglo.id } })).toBe(0);
    // What is said to the other person never reaches that device.
    const { rows } = await assignNew(lead, anglo.id);
    await deliver(env, { notifications: rows });
    expect(service.requests).toEqual([]);
  });

  it("keeps at most 5 devices per person; the same browser subscribing again is the same device", async () => {
    for (let i = 0; i < 5; i++) await subscribe(tech, `/sub/max-${i}`);
    const sixth = await newSubscriptionKeys();
    expect(await register(tech, { endpoint: `${service.url}/sub/max-6`, keys: { p256dh: sixth.p256dh, auth: sixth.auth }, name: "x" })).toMatchObject({ ok: false, code: "pushTooManyDevices" });
    expect((await register(tech, { endpoint: `${service.url}/sub/max-0`, keys: { p256dh: sixth.p256dh, auth: sixth.auth }, name: "Renommé" })).ok).toBe(true);
    expect(await t.db.pushDevice.count({ where: { userId: tech.id } })).toBe(5);
  });
});
