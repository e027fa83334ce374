// Tickets to CSV, with the board's own filters and WHERE clause (lib/tickets/board.ts),
// so an export is exactly the filtered board, whatever the board learns next.
import { boardWhere, type BoardFilters } from "./board";
import { toCsv, type Separator } from "../csv/csv";
import type { Db } from "../db/client";
import { messagesFor, type Locale } from "../i18n";
import { can, type TicketReader } from "../permissions";
import { refuse } from "../operation";
import { assignedPeople, assigneeLabel, type TicketPriority } from "./model";
import { loadColumns, statusName } from "./columns";
import { factoryDateTime } from "../factory-time";
import { machineLabel } from "../machines/model";

export interface TicketExportOptions {
  separator: Separator;
  locale: Locale;
  timeZone: string;
  now: Date;
}

export async function exportTicketsCsv(db: Db, actor: TicketReader, filters: BoardFilters, options: TicketExportOptions): Promise<string> {
  if (!can(actor, "ticket.view")) refuse("forbidden");
  const t = messagesFor(options.locale);
  const columns = await loadColumns(db);
  const tickets = await db.ticket.findMany({
    // Every status, archived included: the board's columns are a view, the export is the data.
    where: boardWhere(filters, actor, options.now, columns),
    orderBy: { createdAt: "desc" },
    include: { machine: true, reporter: { select: { name: true } } },
  });
  // assigned_to has no relation (0 is the whole team): names in chunks of 90 ids.
  const ids = assignedPeople(tickets.map((tk) => tk.assignedTo));
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
    // The column's name, as the board shows it to this reader.
    statusName(columns, tk.status, options.locale, t),
    t.priority[tk.priority as TicketPriority] ?? tk.priority,
    machineLabel(tk.machine),
    tk.machine.serialNumber ?? "",
    tk.machine.location ?? "",
    tk.assignedTo === null ? "" : assigneeLabel(tk.assignedTo, (id) => names.get(id), t),
    tk.reporter.name,
    factoryDateTime(tk.scheduledDate, options.timeZone),
    factoryDateTime(tk.createdAt, options.timeZone),
    factoryDateTime(tk.completedAt, options.timeZone),
  ]);
  return toCsv([header, ...rows], options.separator);
}
