import type { Metadata } from "next";
import Link from "next/link";
import { BoardFilters } from "@/components/tickets/board-filters";
import { TicketBoard } from "@/components/tickets/ticket-board";
import { boardSearchParams, loadBoard, parseBoardFilters, parseColumnLimits } from "@/lib/tickets/board";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/request";
import { can } from "@/lib/permissions";
import { getRequestSettings } from "@/lib/request";
import { requireTicketReader } from "@/lib/request";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.tickets.board.title };
}

export default async function BoardPage({ searchParams }: PageProps<"/tickets">) {
  const user = await requireTicketReader();
  const params = await searchParams;
  const filters = parseBoardFilters(params);
  const limits = parseColumnLimits(params);
  const now = new Date();
  const [{ locale, t }, settings, board] = await Promise.all([
    getMessages(),
    getRequestSettings(),
    loadBoard(await getDb(), filters, user, now, limits),
  ]);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t.tickets.board.title}</h1>
        <div className="flex flex-wrap gap-2">
          {/* The filtered board as a spreadsheet: same query, same rows (lib/tickets/csv.ts). */}
          <a href={`/tickets/export?${boardSearchParams(filters)}`} className="btn-secondary" download>
            {t.tickets.board.exportCsv}
          </a>
          <Link href="/tickets/new" className="btn-primary">+ {t.tickets.board.newTicket}</Link>
        </div>
      </div>
      <BoardFilters filters={filters} machines={board.machines} people={board.people} t={t} />
      <TicketBoard board={board} filters={filters} limits={limits} canMove={can(user, "ticket.move")} now={now} locale={locale} timeZone={settings.timeZone} t={t} />
    </div>
  );
}
