// What the report form says about the chosen machine's open tickets, so that a
// problem already reported is not reported twice. Read when the machine is chosen
// (GET /tickets/read/open?machine=…), with the reader's rights: the tickets the
// reader may open are listed and linked; the others are only counted, and their
// titles never leave the server (an operator who sees only their own reports
// would otherwise read their colleagues' in the page's data).
import { z } from "zod";
import type { Db } from "../db/client";
import { format, type Locale, type Messages } from "../i18n";
import { defineOperation } from "../operation";
import { canSeeTicket, type TicketReader } from "../permissions";
import { loadColumns, statusName, type BoardColumn } from "./columns";
import { openWhere, visibleTicketsWhere, type TicketStatus } from "./model";
import { ticketReaderFor } from "./queries";

/** How many of a machine's open tickets the form lists, newest first; the others are counted. */
export const OPEN_TICKETS_LISTED = 5;

export interface OpenTicketsOnMachine {
  /** The newest open tickets the reader may open. */
  tickets: { ticketId: string; title: string; status: TicketStatus }[];
  /** Open tickets the reader may open, past the list. */
  more: number;
  /** Open tickets the reader may not open: a number, nothing else. */
  others: number;
}

/**
 * Two queries side by side: the listed tickets, and the open ones counted per reporter (the JS
 * form of the visibility rule sorts them); the plant's columns say which are open.
 */
export async function listOpenTicketsOnMachine(
  db: Db,
  reader: TicketReader,
  machineId: number,
  listed = OPEN_TICKETS_LISTED,
  columns?: readonly BoardColumn[],
): Promise<OpenTicketsOnMachine> {
  columns ??= await loadColumns(db);
  const open = { machineId, deletedAt: null, ...openWhere(columns) };
  const [tickets, byReporter] = await Promise.all([
    db.ticket.findMany({
      where: { ...open, ...visibleTicketsWhere(reader) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: listed,
      select: { ticketId: true, title: true, status: true },
    }),
    db.ticket.groupBy({ by: ["reportedBy"], where: open, _count: { _all: true } }),
  ]);
  let visible = 0;
  let others = 0;
  for (const group of byReporter) {
    if (canSeeTicket(reader, group)) visible += group._count._all;
    else others += group._count._all;
  }
  return { tickets, more: Math.max(0, visible - tickets.length), others };
}

export interface OpenTicketsView {
  tickets: { ticketId: string; title: string; status: string; href: string }[];
  /** "et 2 autres tickets ouverts", past the list. */
  more: string | null;
  /** The tickets the reader may not open, counted in a sentence. */
  others: string | null;
}

/** The list worded for the form: statuses in words, the counts in sentences. */
export function openTicketsView(found: OpenTicketsOnMachine, columns: readonly BoardColumn[], t: Messages, locale: Locale): OpenTicketsView {
  const words = t.tickets.create;
  const others = found.tickets.length ? words.othersOpenTickets : words.onlyOthersOpenTickets;
  return {
    tickets: found.tickets.map((ticket) => ({
      ticketId: ticket.ticketId,
      title: ticket.title,
      status: statusName(columns, ticket.status, locale, t),
      href: `/tickets/${encodeURIComponent(ticket.ticketId)}`,
    })),
    more: found.more ? format(words.moreOpenTickets, { count: found.more }, locale) : null,
    others: found.others ? format(others, { count: found.others }, locale) : null,
  };
}

/** The chosen machine's open tickets as the report form shows them to this reader. */
export const readOpenTicketsOnMachine = defineOperation(
  { input: z.object({ machine: z.coerce.number().int().positive() }), permission: "ticket.create" },
  async ({ machine }, { db, user, t, locale }) => {
    const [reader, columns] = await Promise.all([ticketReaderFor(db, user), loadColumns(db)]);
    return openTicketsView(await listOpenTicketsOnMachine(db, reader, machine, OPEN_TICKETS_LISTED, columns), columns, t, locale);
  },
);
