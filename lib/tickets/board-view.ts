// The board as its page shows it: every card worded on the server (dates in the
// factory's zone, lateness, names, the machine's stop) for the client part, which
// places and moves them. The page renders it (components/tickets/ticket-board.tsx),
// and an open board reads it again through GET /tickets/read/board when tickets
// change elsewhere: the same words, with the same reader's rights, without a render
// of the whole page (which in Next 16 would fetch again every link on screen).
import { z } from "zod";
import type { Locale, Messages } from "../i18n";
import { defineOperation } from "../operation";
import { getSettings } from "../settings/settings";
import { loadBoard, parseBoardFilters, parseColumnLimits, showMore, type BoardData, type BoardFilters, type ColumnLimits } from "./board";
import { assigneeLabel, type TicketStatus } from "./model";
import { columnName, isClosedStage, stageOf, type ColumnColor } from "./columns";
import { ticketReaderFor } from "./queries";
import { describeSchedule, type ScheduleView } from "./schedule";
import { downText } from "./downtime";

/** What a card shows, worded on the server: the browser receives data, not a rendered tree per card. */
export interface CardView {
  id: number;
  ticketId: string;
  title: string;
  priority: string;
  priorityLabel: string;
  machine: string;
  outOfService: boolean;
  /** "À l'arrêt depuis …" while a ticket holds the machine down. */
  down: string | null;
  assignee: string;
  schedule: ScheduleView | null;
  comments: number;
  media: number;
}

export interface BoardColumnView {
  status: TicketStatus;
  /** The column's name in the reader's language. */
  label: string;
  color: ColumnColor;
  /** A drop there by finger asks first: it closes the ticket (done or archived). */
  closes: boolean;
  count: number;
  ids: number[];
  /** The same board with this column showing more cards, and how many more; null once the column shows all it may. */
  more: { href: string; count: number } | null;
}

export interface BoardView {
  columns: BoardColumnView[];
  cards: Record<number, CardView>;
  /** When the server started reading it (its clock, ms): what it shows was read after that. */
  renderedAt: number;
}

export interface BoardViewOptions {
  /** The URL's state, for each column's "Afficher N de plus" link. */
  filters: BoardFilters;
  limits: ColumnLimits;
  now: Date;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

export function boardView(board: BoardData, { filters, limits, now, locale, timeZone, t }: BoardViewOptions): BoardView {
  const machines = new Map(board.machines.map((m) => [m.id, m]));
  const people = new Map(board.people.map((p) => [p.id, p.name]));
  const cards: Record<number, CardView> = {};
  for (const card of board.columns.flatMap((c) => c.cards)) {
    const machine = machines.get(card.machineId);
    cards[card.id] = {
      id: card.id,
      ticketId: card.ticketId,
      title: card.title,
      priority: card.priority,
      priorityLabel: t.priority[card.priority],
      machine: machine?.label ?? "",
      outOfService: machine?.status === "out_of_service",
      down: machine?.downSince ? downText(machine.downSince, locale, timeZone, t) : null,
      assignee: assigneeLabel(card.assignedTo, (id) => people.get(id), t),
      schedule: describeSchedule(
        { ...card, stage: stageOf(board.plantColumns, card.status), scheduledDate: card.scheduledDate ? new Date(card.scheduledDate) : null },
        { now, locale, timeZone, t },
      ),
      comments: card.comments,
      media: card.media,
    };
  }
  return {
    columns: board.columns.map((c) => ({
      status: c.status,
      label: columnName(c.column, locale, t),
      color: c.column.color,
      closes: isClosedStage(c.column.stage),
      count: c.count,
      ids: c.cards.map((card) => card.id),
      more: showMore(filters, limits, c),
    })),
    cards,
    renderedAt: now.getTime(),
  };
}

const query = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The board for the URL's filters and pages (?q=…&more=…), as the page would show it to this reader. */
export const readBoard = defineOperation({ input: query, permission: "ticket.view" }, async (params, { db, user, locale, t, now = new Date() }) => {
  const filters = parseBoardFilters(params);
  const limits = parseColumnLimits(params);
  const [reader, { timeZone }] = await Promise.all([ticketReaderFor(db, user), getSettings(db)]);
  return boardView(await loadBoard(db, filters, reader, now, limits), { filters, limits, now, locale, timeZone, t });
});
