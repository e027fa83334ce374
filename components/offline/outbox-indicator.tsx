"use client";

import { Disclosure } from "@/components/shell/disclosure";
import { format } from "@/lib/i18n/format";
import { useOffline } from "./offline-provider";
import { tellWorker } from "./outbox";
import { OutboxIcon, PendingItems } from "./pending-items";

/**
 * A header item, shown while the device holds something the person did: how many,
 * and the list of them (what each is, why one was refused), with "Envoyer maintenant".
 */
export function OutboxIndicator() {
  const offline = useOffline();
  const count = offline?.entries.length ?? 0;
  if (!offline || !count) return null;
  const { words, locale } = offline;
  const label = format(words.indicator, { count }, locale);
  const refused = offline.entries.some((entry) => entry.state === "refused");
  return (
    <Disclosure
      className="relative"
      summaryLabel={label}
      summaryClassName={`relative inline-flex size-10 items-center justify-center rounded-md hover:bg-slate-100 ${refused ? "text-red-700" : "text-amber-800"}`}
      summary={
        <>
          <OutboxIcon className="size-6" />
          <span
            data-testid="outbox-count"
            aria-hidden="true"
            className={`absolute -top-0.5 -right-0.5 min-w-5 rounded-full px-1 text-center text-xs leading-5 font-semibold whitespace-nowrap text-white ${refused ? "bg-red-700" : "bg-amber-700"}`}
          >
            {count > 99 ? "99+" : count}
          </span>
        </>
      }
      panelClassName="fixed inset-x-2 top-14 z-40 max-h-[70dvh] overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 shadow-lg md:absolute md:inset-x-auto md:top-auto md:right-0 md:mt-2 md:w-96"
    >
      <h2 className="font-semibold">{words.listTitle}</h2>
      <p className="mb-2 text-sm text-slate-600">{words.listHelp}</p>
      <PendingItems showKind />
      {offline.online && (
        <button type="button" className="btn-secondary mt-2 w-full" onClick={() => void tellWorker({ type: "outbox-flush" })}>
          {words.sendNow}
        </button>
      )}
    </Disclosure>
  );
}
