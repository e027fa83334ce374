// What leads broadcast on the shop's screens: a short text, optionally an image
// (in R2, checked by its bytes: what a TV's browser shows, PNG, JPEG or WebP),
// an urgency, and when it shows, from its start until its end (the factory's
// clock). The screens show the ones running in turn with their dashboard
// (components/tv/). Each change and its audit entry go in one D1 batch; the image
// is stored before the row and removed again if the row fails. Then the screens
// are told to read again (lib/messages/live.ts, SCREENS).
import { z } from "zod";
import { changeAudited } from "../audit";
import { continueAfterResponse } from "../after-response";
import { sql } from "../db/sql";
import type { Db } from "../db/client";
import { utcToWallTime, wallTimeToUtc } from "../factory-time";
import { publishLive } from "../messages/live";
import { SCREENS } from "../messages/model";
import { defineOperation, refuse, type ActionContext } from "../operation";
import { getSettings } from "../settings/settings";
import { contentTypeOfKey, sniffImage } from "../settings/logo";
import { fileResponse, getMediaBucket, headOf } from "../stored-files";
import { checkbox } from "../validation";

export const broadcastUrgencies = ["info", "warning", "urgent"] as const;
export type BroadcastUrgency = (typeof broadcastUrgencies)[number];
/** Read from 5 metres: a few lines at most. */
export const MAX_BROADCAST_TEXT = 240;
export const MAX_BROADCAST_IMAGE = 5 * 1024 * 1024;

export function isUrgency(value: string): value is BroadcastUrgency {
  return (broadcastUrgencies as readonly string[]).includes(value);
}

/** A moment on the factory's clock as a form sends it (datetime-local: 2026-11-23T08:00). */
const wallTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
/** The form's image: a file input left empty still sends an empty part. */
const image = z.preprocess((v) => (v instanceof File && v.size > 0 ? v : undefined), z.instanceof(File).optional());

const broadcastInput = z.object({
  text: z.string().trim().min(1).max(MAX_BROADCAST_TEXT),
  urgency: z.enum(broadcastUrgencies),
  startsAt: wallTime,
  endsAt: wallTime,
  image,
});
const id = z.coerce.number().int().positive();

/** The datetime-local value of an instant, on the factory's clock: what the form shows. */
export function wallTimeValue(instant: Date, timeZone: string): string {
  const { date, time } = utcToWallTime(instant, timeZone);
  return `${date}T${time}`;
}

/** The period as instants; refused on its field when a time does not exist, ends before it starts, or has already ended. */
async function periodOf(db: Db, input: { startsAt: string; endsAt: string }, now: Date) {
  const { timeZone } = await getSettings(db);
  const at = (value: string) => wallTimeToUtc(value.slice(0, 10), value.slice(11), timeZone);
  const startsAt = at(input.startsAt) ?? refuse("invalid", { fields: { startsAt: "dateInvalid" } });
  const endsAt = at(input.endsAt) ?? refuse("invalid", { fields: { endsAt: "dateInvalid" } });
  if (endsAt <= startsAt) refuse("invalid", { fields: { endsAt: "broadcastEndsFirst" } });
  if (endsAt <= now) refuse("invalid", { fields: { endsAt: "broadcastEnded" } });
  return { startsAt, endsAt };
}

interface StoredImage {
  key: string;
  type: string;
  size: number;
}

/** The image checked by its bytes and stored; refused on the field, with nothing stored. */
async function storeImage(ctx: ActionContext, file: File): Promise<StoredImage> {
  const values = { name: file.name };
  if (file.size > MAX_BROADCAST_IMAGE) refuse("invalid", { fields: { image: "broadcastImageSize" }, values });
  const extension = sniffImage(await headOf(file)) ?? refuse("invalid", { fields: { image: "broadcastImageType" }, values });
  const key = `broadcasts/${crypto.randomUUID()}.${extension}`;
  await (await getMediaBucket(ctx)).put(key, await file.arrayBuffer(), { httpMetadata: { contentType: contentTypeOfKey(key) } });
  return { key, type: contentTypeOfKey(key), size: file.size };
}

async function removeImage(ctx: ActionContext, key: string | null | undefined): Promise<void> {
  if (key) await (await getMediaBucket(ctx)).delete(key);
}

/** What the audit log keeps of a broadcast: the words and the period, whether it has an image (never its key). */
function audited(fields: { text: string; urgency: string; startsAt: Date; endsAt: Date; imageKey: string | null }) {
  return { text: fields.text, urgency: fields.urgency, startsAt: fields.startsAt.toISOString(), endsAt: fields.endsAt.toISOString(), image: fields.imageKey !== null };
}

/** The screens read again (after the response: nobody waits for it). */
function screensChanged(ctx: ActionContext): void {
  continueAfterResponse(publishLive(ctx, SCREENS, { type: "screens" }));
}

/** The row and its entry, all or nothing; the image stored for it leaves R2 again if they fail. */
async function writeWithImage<T>(ctx: ActionContext, stored: StoredImage | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await removeImage(ctx, stored?.key);
    throw error;
  }
}

export const createBroadcast = defineOperation({ input: broadcastInput, permission: "broadcast.manage" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const { startsAt, endsAt } = await periodOf(db, input, now);
  const stored = input.image ? await storeImage(ctx, input.image) : null;
  const { rows } = await writeWithImage(ctx, stored, () =>
    changeAudited(
      db,
      sql`INSERT INTO broadcasts (text, image_key, image_type, image_size, urgency, starts_at, ends_at, created_by, created_at, updated_at)
          VALUES (${input.text}, ${stored?.key ?? null}, ${stored?.type ?? null}, ${stored?.size ?? null}, ${input.urgency}, ${startsAt}, ${endsAt},
                  ${user.id}, ${now}, ${now})
          RETURNING id`,
      [{ actorId: user.id, action: "broadcast.created", entityType: "broadcast", after: audited({ ...input, startsAt, endsAt, imageKey: stored?.key ?? null }) }],
      now,
      // The broadcast just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
      { entityId: sql`(SELECT MAX(id) FROM broadcasts)` },
    ),
  );
  screensChanged(ctx);
  return { id: Number(rows[0]!.id) };
});

async function broadcastOrRefuse(db: Db, broadcastId: number) {
  return (await db.broadcast.findUnique({ where: { id: broadcastId } })) ?? refuse("notFound");
}

/** New words, period or urgency; a new image replaces the old one, or "removeImage" takes it away. */
export const updateBroadcast = defineOperation(
  { input: broadcastInput.extend({ id, removeImage: checkbox }), permission: "broadcast.manage" },
  async (input, ctx) => {
    const { db, user, now = new Date() } = ctx;
    const before = await broadcastOrRefuse(db, input.id);
    const { startsAt, endsAt } = await periodOf(db, input, now);
    const stored = input.image ? await storeImage(ctx, input.image) : null;
    const image = stored ? stored : input.removeImage ? null : before.imageKey ? { key: before.imageKey, type: before.imageType!, size: before.imageSize ?? 0 } : null;
    const { changes } = await writeWithImage(ctx, stored, () =>
      changeAudited(
        db,
        // Only the version read: an edit made meanwhile is not overwritten unseen.
        sql`UPDATE broadcasts SET text = ${input.text}, urgency = ${input.urgency}, starts_at = ${startsAt}, ends_at = ${endsAt},
                   image_key = ${image?.key ?? null}, image_type = ${image?.type ?? null}, image_size = ${image?.size ?? null}, updated_at = ${now}
            WHERE id = ${before.id} AND updated_at = ${before.updatedAt}`,
        [
          {
            actorId: user.id,
            action: "broadcast.updated",
            entityType: "broadcast",
            entityId: before.id,
            before: audited(before),
            after: audited({ ...input, startsAt, endsAt, imageKey: image?.key ?? null }),
          },
        ],
        now,
      ),
    );
    if (!changes) {
      await removeImage(ctx, stored?.key);
      refuse("conflict");
    }
    if (before.imageKey && before.imageKey !== image?.key) await removeImage(ctx, before.imageKey);
    screensChanged(ctx);
    return { id: before.id };
  },
);

/** Taken off every screen at once; its row goes, the audit entry keeps what it said. */
export const deleteBroadcast = defineOperation({ input: z.object({ id }), permission: "broadcast.manage" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  const before = await broadcastOrRefuse(db, input.id);
  const { changes } = await changeAudited(
    db,
    sql`DELETE FROM broadcasts WHERE id = ${before.id}`,
    [{ actorId: user.id, action: "broadcast.deleted", entityType: "broadcast", entityId: before.id, before: audited(before) }],
    now,
  );
  if (!changes) refuse("notFound");
  await removeImage(ctx, before.imageKey);
  screensChanged(ctx);
  return { id: before.id };
});

export interface BroadcastRow {
  id: number;
  text: string;
  urgency: BroadcastUrgency;
  startsAt: Date;
  endsAt: Date;
  hasImage: boolean;
  updatedAt: Date;
  author: string | null;
}

/** The page's list: the ones showing or to come (soonest first), then the last ones ended. Two queries. */
export async function listBroadcasts(db: Db, now: Date, ended = 10): Promise<{ current: BroadcastRow[]; ended: BroadcastRow[] }> {
  const [current, past] = await Promise.all([
    db.broadcast.findMany({ where: { endsAt: { gt: now } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
    db.broadcast.findMany({ where: { endsAt: { lte: now } }, orderBy: [{ endsAt: "desc" }, { id: "desc" }], take: ended }),
  ]);
  const ids = [...new Set([...current, ...past].map((b) => b.createdBy))];
  const authors = new Map((ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
  const row = (b: (typeof current)[number]): BroadcastRow => ({
    id: b.id,
    text: b.text,
    urgency: isUrgency(b.urgency) ? b.urgency : "info",
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    hasImage: b.imageKey !== null,
    updatedAt: b.updatedAt,
    author: authors.get(b.createdBy) ?? null,
  });
  return { current: current.map(row), ended: past.map(row) };
}

/**
 * A broadcast's image as an HTTP answer, or a 404: for a screen only while the
 * broadcast shows (`showingAt`), for the leads' page whenever it exists.
 */
export async function broadcastImageResponse(request: Request, db: Db, broadcastId: number, showingAt?: Date): Promise<Response> {
  const when = showingAt ? { startsAt: { lte: showingAt }, endsAt: { gt: showingAt } } : {};
  const broadcast = await db.broadcast.findFirst({ where: { id: broadcastId, imageKey: { not: null }, ...when }, select: { imageKey: true, imageType: true, imageSize: true } });
  if (!broadcast?.imageKey) return new Response("Not found", { status: 404 });
  return fileResponse(request, await getMediaBucket(), { key: broadcast.imageKey, type: broadcast.imageType ?? "application/octet-stream", size: broadcast.imageSize ?? 0, name: broadcast.imageKey.split("/").pop() ?? "image" });
}
