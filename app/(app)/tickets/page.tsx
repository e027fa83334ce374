import type { Metadata } from "next";
import { BoardActions, BoardMenu } from "@/components/tickets/board-actions";
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
  const exportHref = `/tickets/export?${boardSearchParams(filters)}`;
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 md:mb-4 md:gap-3">
        <h1 className="mr-auto text-xl font-semibold min-[25rem]:text-2xl">{t.tickets.board.title}</h1>
        <BoardActions exportHref={exportHref} t={t} />
        <BoardFilters filters={filters} machines={board.machines} people={board.people} locale={locale} t={t} />
        <BoardMenu exportHref={exportHref} t={t} />
      </div>
      <TicketBoard board={board} filters={filters} limits={limits} canMove={can(user, "ticket.move")} now={now} locale={locale} timeZone={settings.timeZone} t={t} />
    </div>
  );
}
