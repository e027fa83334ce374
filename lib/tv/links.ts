// The shop's screens: each has its own link (/tv/<secret>), made, renamed and
// revoked by an admin. The secret is shown once, when the link is made; D1 keeps
// its hash (secret.ts). A link opens the TV page and its reads, nothing else: no
// session comes with it (lib/tv/screen.ts reads only what the screen shows).
// Each change and its audit entry go in one D1 batch (changeAudited); revoking a
// link closes its open screens at once (the conversation hub, lib/messages/live.ts).
import { z } from "zod";
import { changeAudited } from "../audit";
import { sql } from "../db/sql";
import type { Db } from "../db/client";
import { locales, type Locale } from "../i18n";
import { closeRevokedScreen } from "../messages/live";
import { defineOperation, refuse } from "../operation";
import { isScreenSecret, newScreenSecret, screenSecretHash } from "./secret";

/** Where a screen's link opens it. */
export const screenPath = (secret: string) => `/tv/${secret}`;

export interface ScreenLink {
  id: number;
  name: string;
  locale: Locale;
  /** Revoked links still open: to say "Lien révoqué" in their language. */
  revoked: boolean;
}

const localeOf = (value: string): Locale => ((locales as readonly string[]).includes(value) ? (value as Locale) : "fr");

/** The screen a secret opens, revoked or not; null for anything that is not a link's secret. One query. */
export async function findScreenLink(db: Db, secret: unknown): Promise<ScreenLink | null> {
  if (!isScreenSecret(secret)) return null;
  const link = await db.tvLink.findUnique({ where: { secretHash: await screenSecretHash(secret) }, select: { id: true, name: true, locale: true, revokedAt: true } });
  return link && { id: link.id, name: link.name, locale: localeOf(link.locale), revoked: link.revokedAt !== null };
}

/** The settings page's list: the screens in service first, newest first. */
export async function listScreenLinks(db: Db) {
  return db.tvLink.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { id: "desc" }],
    select: { id: true, name: true, locale: true, createdAt: true, revokedAt: true },
  });
}

const id = z.coerce.number().int().positive();
const linkFields = z.object({ name: z.string().trim().min(1).max(80), locale: z.enum(locales) });

/** A new screen: its link, with the secret, is returned once; the page shows it to copy and forgets it. */
export const createScreenLink = defineOperation({ input: linkFields, permission: "screen.manage" }, async (input, { db, user, now = new Date() }) => {
  const secret = newScreenSecret();
  const { rows } = await changeAudited(
    db,
    sql`INSERT INTO tv_links (name, secret_hash, locale, created_by, created_at, updated_at)
        VALUES (${input.name}, ${await screenSecretHash(secret)}, ${input.locale}, ${user.id}, ${now}, ${now})
        RETURNING id`,
    // The secret never reaches the log, nor its hash.
    [{ actorId: user.id, action: "screen.created", entityType: "screen", after: input }],
    now,
    // The link just inserted: ids only grow (AUTOINCREMENT) and nothing else writes inside a batch.
    { entityId: sql`(SELECT MAX(id) FROM tv_links)` },
  );
  return { id: Number(rows[0]!.id), path: screenPath(secret) };
});

async function linkInService(db: Db, linkId: number) {
  return (await db.tvLink.findFirst({ where: { id: linkId, revokedAt: null }, select: { id: true, name: true, locale: true } })) ?? refuse("notFound");
}

/** A new name or language; the screen shows it at its next read. */
export const updateScreenLink = defineOperation({ input: linkFields.extend({ id }), permission: "screen.manage" }, async (input, { db, user, now = new Date() }) => {
  const link = await linkInService(db, input.id);
  const before = { name: link.name, locale: link.locale };
  const after = { name: input.name, locale: input.locale };
  if (JSON.stringify(before) === JSON.stringify(after)) return { id: link.id };
  const { changes } = await changeAudited(
    db,
    sql`UPDATE tv_links SET name = ${input.name}, locale = ${input.locale}, updated_at = ${now} WHERE id = ${link.id} AND revoked_at IS NULL`,
    [{ actorId: user.id, action: "screen.updated", entityType: "screen", entityId: link.id, before, after }],
    now,
  );
  if (!changes) refuse("notFound");
  return { id: link.id };
});

/** The screen shows "Lien révoqué" at once and reads nothing more; the other screens go on. */
export const revokeScreenLink = defineOperation({ input: z.object({ id }), permission: "screen.manage" }, async (input, { db, user, now = new Date() }) => {
  const link = await linkInService(db, input.id);
  const { changes } = await changeAudited(
    db,
    sql`UPDATE tv_links SET revoked_at = ${now}, updated_at = ${now} WHERE id = ${link.id} AND revoked_at IS NULL`,
    [{ actorId: user.id, action: "screen.revoked", entityType: "screen", entityId: link.id, before: { name: link.name, revoked: false }, after: { name: link.name, revoked: true } }],
    now,
  );
  if (!changes) refuse("notFound");
  await closeRevokedScreen(link.id);
  return { id: link.id };
});
