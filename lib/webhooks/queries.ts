// What the admin "Notifications" page reads: the delivery log, one delivery,
// the recent runs and whether the endpoint is failing.
import { z } from "zod";
import type { Db } from "../db/client";
import { nextDay, startOfFactoryDay } from "../factory-time";
import { literalContains } from "../db/like-pattern";
import { OVERDUE_JOB } from "./claims";

export const deliveryStatuses = ["sent", "pending", "sending", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const PAGE_SIZE = 25;

export const deliveryFilterInput = z.object({
  ticket: z.string().trim().max(80).optional().catch(undefined),
  status: z.enum(deliveryStatuses).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterInput>;

/** Newest first, a page at a time; `from`/`to` are whole factory days, like the audit log's. */
export async function listDeliveries(db: Db, filter: DeliveryFilter, timeZone: string) {
  const page = filter.page ?? 1;
  const ticket = literalContains(filter.ticket);
  const where = {
    ...(filter.status ? { deliveryStatus: filter.status } : {}),
    ...(ticket ? { ticket: { OR: [{ ticketId: ticket }, { title: ticket }] } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: startOfFactoryDay(filter.from, timeZone) } : {}),
            ...(filter.to ? { lt: startOfFactoryDay(nextDay(filter.to), timeZone) } : {}),
          },
        }
      : {}),
  };
  const rows = await db.webhookNotification.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      deliveryStatus: true,
      attempts: true,
      responseStatus: true,
      lastError: true,
      ticket: { select: { id: true, ticketId: true, title: true } },
    },
  });
  return { rows: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE };
}

export async function getDelivery(db: Db, id: number) {
  return db.webhookNotification.findUnique({
    where: { id },
    include: {
      ticket: { select: { id: true, ticketId: true, title: true } },
      attemptsLog: { orderBy: { attemptNumber: "desc" } },
    },
  });
}

export async function listRecentRuns(db: Db, take = 10) {
  return db.cronRun.findMany({ where: { job: OVERDUE_JOB }, orderBy: { startedAt: "desc" }, take });
}

const FAILING_AFTER = 3;

/** The endpoint is failing when its last few attempts all failed. */
export async function endpointHealth(db: Db) {
  const recent = await db.webhookAttempt.findMany({
    orderBy: { id: "desc" },
    take: FAILING_AFTER,
    select: { error: true, responseStatus: true },
  });
  const failing = recent.length === FAILING_AFTER && recent.every((a) => a.error !== null);
  return { failing, count: FAILING_AFTER, lastError: recent[0]?.error ?? null };
}
