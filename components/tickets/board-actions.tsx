import Link from "next/link";
import { Disclosure } from "@/components/shell/disclosure";
import { Icon } from "@/components/shell/icons";
import type { Messages } from "@/lib/i18n";

// The board's own actions beside its title. A wide screen shows them as buttons; a
// phone keeps the export in a "…" menu, and reports through its tab bar's Signaler.

/** Wide screens: the filtered board as a spreadsheet (same query, same rows: lib/tickets/csv.ts), and a report. */
export function BoardActions({ exportHref, t }: { exportHref: string; t: Messages }) {
  const b = t.tickets.board;
  return (
    <>
      <a href={exportHref} className="btn-secondary max-md:hidden" download>
        {b.exportCsv}
      </a>
      <Link href="/tickets/new" className="btn-primary max-md:hidden">
        + {b.newTicket}
      </Link>
    </>
  );
}

/** A phone: the export behind "…", last in the title's row. */
export function BoardMenu({ exportHref, t }: { exportHref: string; t: Messages }) {
  const b = t.tickets.board;
  return (
    <Disclosure
      className="relative md:hidden"
      summaryLabel={b.moreActions}
      summaryClassName="btn-ghost w-11 px-0"
      summary={<Icon name="more" />}
      panelClassName="absolute right-0 z-40 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
    >
      <a href={exportHref} download className="flex min-h-11 items-center rounded-md px-3 font-medium text-slate-800 hover:bg-slate-100">
        {b.exportCsv}
      </a>
    </Disclosure>
  );
}
