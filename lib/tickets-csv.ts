// Tickets to CSV, with the board's filters (the same query parameters the
// board puts in its URL: q, priority, assignee, machine, overdue, mine).
import { z } from "zod";
import { toCsv, type Separator } from "./csv";
import type { Db } from "./db";
import { messagesFor, type Locale } from "./i18n";
import { can, type Actor } from "./permissions";
import { forbidden } from "./rule-error";
import { overdueStatuses, TEAM_ASSIGNEE, ticketPriorities, type TicketPriority, type TicketStatus } from "./tickets";
import type { Prisma } from "./generated/prisma/client";
import { factoryDateTime } from "./factory-time";

const flag = z
  .enum(["1", "true", "on"])
  .transform(() => true)
  .optional()
  .catch(undefined);

/** Lenient like a URL should be: an unknown value drops that filter instead of failing. */
export const ticketFilters = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  priority: z.enum(ticketPriorities).optional().catch(undefined),
  /** A user id, or "team" for tickets assigned to the whole team. */
  assignee: z.union([z.literal("team"), z.coerce.number().int().positive()]).optional().catch(undefined),
  machine: z.coerce.number().int().positive().optional().catch(undefined),
  overdue: flag,
  mine: flag,
});
export type TicketFilters = z.infer<typeof ticketFilters>;

/** The Prisma condition for a filtered board; deleted tickets are never included. */
export function ticketWhere(filters: TicketFilters, actor: Actor, now: Date): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [{ deletedAt: null }];
  if (filters.q) {
    const q = filters.q;
    and.push({
      OR: [
        { ticketId: { contains: q } },
        { title: { contains: q } },
        { machine: { machineType: { contains: q } } },
        { machine: { model: { contains: q } } },
        { machine: { serialNumber: { contains: q } } },
      ],
    });
  }
  if (filters.priority) and.push({ priority: filters.priority });
  if (filters.assignee !== undefined) and.push({ assignedTo: filters.assignee === "team" ? TEAM_ASSIGNEE : filters.assignee });
  if (filters.machine) and.push({ machineId: filters.machine });
  if (filters.overdue) {
    and.push({ assignedTo: { not: null }, status: { in: overdueStatuses }, scheduledDate: { lt: now } });
  }
  if (filters.mine) and.push({ OR: [{ assignedTo: actor.id }, { reportedBy: actor.id }] });
  return { AND: and };
}

export interface TicketExportOptions {
  separator: Separator;
  locale: Locale;
  timeZone: string;
  now: Date;
}

export async function exportTicketsCsv(db: Db, actor: Actor, filters: TicketFilters, options: TicketExportOptions): Promise<string> {
  if (!can(actor, "ticket.view")) throw forbidden();
  const t = messagesFor(options.locale);
  const tickets = await db.ticket.findMany({
    where: ticketWhere(filters, actor, options.now),
    orderBy: { createdAt: "desc" },
    include: { machine: true, reporter: { select: { name: true } } },
  });
  // assigned_to has no relation (0 is the whole team): names in chunks of 90 ids.
  const ids = [...new Set(tickets.map((tk) => tk.assignedTo).filter((id): id is number => !!id))];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 90) {
    const users = await db.user.findMany({ where: { id: { in: ids.slice(i, i + 90) } }, select: { id: true, name: true } });
    for (const u of users) names.set(u.id, u.name);
  }
  const c = t.admin.csvColumns;
  const header = [c.ticketId, c.title, c.description, t.dashboard.columns.status, c.priority, c.machine, c.serialNumber, c.location, c.assignee, c.reporter, c.scheduled, c.created, c.completed];
  const rows = tickets.map((tk) => [
    tk.ticketId,
    tk.title,
    tk.description,
    t.status[tk.status as TicketStatus] ?? tk.status,
    t.priority[tk.priority as TicketPriority] ?? tk.priority,
    [tk.machine.machineType, tk.machine.model].filter(Boolean).join(" "),
    tk.machine.serialNumber ?? "",
    tk.machine.location ?? "",
    tk.assignedTo === null ? "" : tk.assignedTo === TEAM_ASSIGNEE ? t.admin.wholeTeam : (names.get(tk.assignedTo) ?? `#${tk.assignedTo}`),
    tk.reporter.name,
    factoryDateTime(tk.scheduledDate, options.timeZone),
    factoryDateTime(tk.createdAt, options.timeZone),
    factoryDateTime(tk.completedAt, options.timeZone),
  ]);
  return toCsv([header, ...rows], options.separator);
}
