import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OverdueAlertBadge } from "@/components/notifications/overdue-alert-badge";
import { ReadTicketNotifications } from "@/components/notifications/read-ticket-notifications";
import { TicketChecklist } from "@/components/plans/ticket-checklist";
import { TicketActionBar } from "@/components/tickets/ticket-action-bar";
import { NEW_COMMENT_FIELD, TicketComments } from "@/components/tickets/ticket-comments";
import { TicketControls } from "@/components/tickets/ticket-controls";
import { TicketFacts } from "@/components/tickets/ticket-facts";
import { MachineDown } from "@/components/tickets/machine-down";
import { TicketMedia } from "@/components/tickets/ticket-media";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { FeedbackGroup } from "@/components/ui/form";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { getRequestSettings } from "@/lib/request";
import { requireTicketReader } from "@/lib/request";
import { findSourceMessage } from "@/lib/messages/queries";
import { hasUnreadTicketNotifications } from "@/lib/notifications/queries";
import { can } from "@/lib/permissions";
import { getTicketChecklist } from "@/lib/plans/queries";
import { getTicketDetails } from "@/lib/tickets/queries";
import { ACCEPTED_TYPES } from "@/lib/file-types";
import { TEAM_ASSIGNEE } from "@/lib/tickets/model";
import { columnNames, isClosedStage, type BoardColumn, type Stage } from "@/lib/tickets/columns";
import { nextWorkStep, type NextStep } from "@/lib/tickets/work";
import type { Actor } from "@/lib/operation";

export async function generateMetadata({ params }: PageProps<"/tickets/[ticketId]">): Promise<Metadata> {
  return { title: decodeURIComponent((await params).ticketId) };
}

export default async function TicketPage({ params, searchParams }: PageProps<"/tickets/[ticketId]">) {
  const user = await requireTicketReader();
  const ticketId = decodeURIComponent((await params).ticketId);
  const [{ locale, t }, settings, details] = await Promise.all([getMessages(), getRequestSettings(), getTicketDetails(await getDb(), ticketId, user)]);
  if (!details) notFound();
  // The message it was reported from, linked for those who may read it (nobody learns of another pair's conversation).
  // Another ticket holds the machine down: its code, so the reader knows which one ends the stop.
  const { downTicketId } = details.ticket.machine;
  const db = await getDb();
  const [source, unreadNotifications, stoppedBy, checklist] = await Promise.all([
    details.ticket.sourceMessageId ? findSourceMessage(db, user, details.ticket.sourceMessageId) : null,
    hasUnreadTicketNotifications(db, user.id, details.ticket.id),
    downTicketId && downTicketId !== details.ticket.id ? db.ticket.findUnique({ where: { id: downTicketId }, select: { ticketId: true } }) : null,
    getTicketChecklist(db, details.ticket),
  ]);
  const view = { details, locale, timeZone: settings.timeZone, t };
  const now = new Date();
  const reported = (await searchParams).reported !== undefined;
  const status = details.ticket.status;
  const step = barStep(details.ticket, user, details.columns);

  return (
    // Phones: room under the content for the action bar, fixed above the tab bar, as tall as the bar is.
    <div className="space-y-6 max-md:pb-[calc(var(--action-bar-height,5rem)+1rem)]">
      {unreadNotifications && <ReadTicketNotifications ticketId={details.ticket.id} />}
      {reported && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          {format(t.tickets.page.reported, { ticketId: details.ticket.ticketId })}
        </p>
      )}
      <div>
        <Link href="/tickets" className="text-sm text-slate-600 underline">← {t.tickets.page.backToBoard}</Link>
        <p className="mt-2 font-mono text-sm text-slate-500">{details.ticket.ticketId}</p>
        <h1 className="text-2xl font-semibold break-words">{details.ticket.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <Link href={`/messages/team?ticket=${encodeURIComponent(details.ticket.ticketId)}`} className="btn-secondary">
            {t.tickets.page.discussInTeam}
          </Link>
          {source && (
            <Link href={`/messages/${source.conversationKey}#message-${source.id}`} className="btn-ghost">
              {t.tickets.page.fromMessage}
            </Link>
          )}
          <OverdueAlertBadge
            notification={details.alerts.at(-1)?.notification ?? null}
            t={t.notifications.badge}
            locale={locale}
            timeZone={settings.timeZone}
          />
        </div>
      </div>
      {/* Phones: the controls right under the facts; wide screens: a side column. One feedback
          group: a new result anywhere on the ticket replaces the last one, never sits beside it. */}
      <FeedbackGroup>
        <TicketActionBar
          id={details.ticket.id}
          ticketId={details.ticket.ticketId}
          status={status}
          step={step}
          steps={t.home.work}
          undo={t.tickets.board.undo}
          commentField={can(user, "ticket.comment") ? NEW_COMMENT_FIELD : null}
          accept={can(user, "ticket.addMedia") ? ACCEPTED_TYPES : null}
          statusLabels={columnNames(details.columns, locale, t)}
          labels={t.tickets.bar}
          voice={{ ...t.messages.composer, record: t.tickets.bar.voice }}
          failed={t.errors.errorBody}
          locale={locale}
        />
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="min-w-0 lg:col-start-1">
            <TicketFacts {...view} now={now} />
            <div className="mt-6">
              <MachineDown details={details} stoppedBy={stoppedBy?.ticketId ?? null} user={user} locale={locale} timeZone={settings.timeZone} t={t} />
            </div>
          </div>
          <div className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <TicketControls details={details} user={user} timeZone={settings.timeZone} t={t} locale={locale} now={now} takeInBar={step?.kind === "take"} />
          </div>
          <div className="min-w-0 space-y-6 lg:col-start-1">
            {checklist && <TicketChecklist checklist={checklist} canCheck={can(user, "ticket.checklist")} locale={locale} timeZone={settings.timeZone} t={t} />}
            <TicketMedia details={details} user={user} t={t} />
            <TicketComments {...view} user={user} />
            <TicketTimeline {...view} />
          </div>
        </div>
      </FeedbackGroup>
    </div>
  );
}

/**
 * The action bar's one-tap step: the one "Mon travail" offers (lib/tickets/work.ts), for
 * those who work on tickets, while the ticket is open. A colleague's ticket is never
 * taken in one tap: its step is the status one, as if it were this person's.
 */
function barStep(ticket: { stage: Stage | null; assignedTo: number | null }, user: Actor, columns: BoardColumn[]): NextStep | null {
  if (!can(user, "ticket.move") || isClosedStage(ticket.stage)) return null;
  const someoneElses = ticket.assignedTo !== null && ticket.assignedTo !== TEAM_ASSIGNEE && ticket.assignedTo !== user.id;
  return nextWorkStep(someoneElses ? { ...ticket, assignedTo: user.id } : ticket, user.id, columns);
}
