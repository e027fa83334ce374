import { ScheduledList } from "@/components/dashboard/scheduled-list";
import { StatusSummary } from "@/components/dashboard/status-summary";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages, getRequestSettings, type CurrentReader } from "@/lib/request";
import { columnNames, loadColumns } from "@/lib/tickets/columns";
import { countTicketsByColumn, listOverdueTickets, listUpcomingTickets } from "@/lib/tickets/queries";

/** The plant at a glance: tickets by column, overdue and upcoming work. An admin's home. */
export async function PlantOverview({ user }: { user: CurrentReader }) {
  const db = await getDb();
  const now = new Date();
  const [{ locale, t }, settings, columns, counts, overdue, upcoming] = await Promise.all([
    getMessages(),
    getRequestSettings(),
    // Read once for the render (cache): the counts and lists below share it.
    loadColumns(db),
    countTicketsByColumn(db, user),
    listOverdueTickets(db, { reader: user, now, take: 20 }),
    listUpcomingTickets(db, { reader: user, now, take: 10 }),
  ]);
  const list = { locale, t, now, timeZone: settings.timeZone, statusNames: columnNames(columns, locale, t) };

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t.dashboard.title}</h1>
        <p className="text-slate-600">{format(t.dashboard.greeting, { name: user.name })}</p>
      </div>
      <StatusSummary counts={counts} t={t} locale={locale} />
      <ScheduledList
        id="overdue"
        title={t.dashboard.overdueTitle}
        help={t.dashboard.overdueHelp}
        empty={t.dashboard.overdueEmpty}
        tickets={overdue}
        {...list}
      />
      <ScheduledList id="upcoming" title={t.dashboard.upcomingTitle} empty={t.dashboard.upcomingEmpty} tickets={upcoming} {...list} />
    </div>
  );
}
