"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n";
import { format } from "@/lib/i18n/format";
import { entryFiles, type OutboxEntry, type OutboxKind } from "@/lib/offline/outbox";
import { useOffline, type OfflineWords } from "./offline-provider";
import { tellWorker } from "./outbox";

interface PendingItemsProps {
  /** Only this kind, or these; all of them when left out (the header's list). */
  kind?: OutboxKind | OutboxKind[];
  /** Only the entries about this ticket (its id) or conversation (its key). */
  scope?: string | number;
  /** Also name the kind of each entry (a list that mixes them). */
  showKind?: boolean;
  className?: string;
}

/**
 * What the person did that the device still holds, where it belongs (a ticket's
 * comments, a conversation, the report form, the header's list): "En attente
 * d'envoi", or the server's reason it was not written, with Réessayer and
 * Abandonner. Nothing leaves this list unless it was sent or the person drops it.
 */
export function PendingItems({ kind, scope, showKind, className = "space-y-2" }: PendingItemsProps) {
  const offline = useOffline();
  if (!offline) return null;
  const { words, locale, timeZone } = offline;
  const kinds = kind === undefined ? null : [kind].flat();
  const shown = offline.entries.filter((e) => (!kinds || kinds.includes(e.kind)) && (scope === undefined || e.scope === String(scope)));
  const reports = !kinds || kinds.includes("report") ? offline.sent.filter((s) => s.kind === "report") : [];
  if (!shown.length && !reports.length) return null;
  return (
    <ul className={className} data-testid="pending-items" aria-label={words.listTitle}>
      {shown.map((entry) => (
        <PendingItem key={entry.clientId} entry={entry} onTicket={scope !== undefined && entry.kind !== "message"} showKind={showKind} words={words} locale={locale} time={formatTime(new Date(entry.createdAt), locale, timeZone)} />
      ))}
      {reports.map((report) => {
        const ticketId = (report.data as { ticketId?: string } | null)?.ticketId ?? "";
        return (
          <li key={report.clientId} role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
            <Link href={`/tickets/${encodeURIComponent(ticketId)}`} className="font-medium underline underline-offset-2">
              {format(words.sent, { ticket: ticketId })}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

interface PendingItemProps {
  entry: OutboxEntry;
  onTicket: boolean;
  showKind?: boolean;
  words: OfflineWords;
  locale: Locale;
  time: string;
}

function PendingItem({ entry, onTicket, showKind, words, locale, time }: PendingItemProps) {
  const [asking, setAsking] = useState(false);
  const refused = entry.state === "refused";
  const files = entryFiles(entry);
  const details = [
    entry.kind === "move" && entry.text ? format(words.moveTo, { status: entry.text }) : entry.text,
    files.photos ? format(words.photos, { count: files.photos }, locale) : "",
    files.audio ? words.voiceNote : "",
  ].filter(Boolean);
  // A list about one ticket is on that ticket's page: no link to where the person already is.
  const ticketLink = !onTicket && entry.kind !== "report" && entry.kind !== "message" && entry.subject;
  return (
    <li
      data-testid="pending-item"
      data-state={entry.state}
      className={`rounded-lg border p-3 text-sm ${refused ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <OutboxIcon className="size-4 shrink-0 text-slate-700" />
        {showKind && <span className="font-medium">{words.kinds[entry.kind]}</span>}
        {entry.subject && <span className="font-medium break-all">{entry.subject}</span>}
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${refused ? "bg-red-700 text-white" : "bg-amber-200 text-amber-950"}`}>
          {refused ? words.refused : words.waiting}
        </span>
        <span className="text-xs text-slate-700">{format(words.madeAt, { time })}</span>
      </p>
      {details.length > 0 && <p className="mt-1 line-clamp-3 break-words whitespace-pre-wrap text-slate-800">{details.join(" · ")}</p>}
      {entry.error && (
        <p role={refused ? "alert" : undefined} className={`mt-1 ${refused ? "font-medium text-red-800" : "text-slate-700"}`}>
          {entry.error === "signedOut" ? words.signInToSend : entry.error}
        </p>
      )}
      {refused && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className="btn-secondary min-h-11 text-sm" onClick={() => void tellWorker({ type: "outbox-retry", clientId: entry.clientId })}>
            {words.retry}
          </button>
          {ticketLink && (
            <Link href={`/tickets/${encodeURIComponent(entry.subject)}`} className="btn-ghost min-h-11 text-sm">
              {words.open}
            </Link>
          )}
          <button type="button" className="btn-ghost min-h-11 text-sm text-red-800" onClick={() => setAsking(true)}>
            {words.discard}
          </button>
          <ConfirmDialog
            open={asking}
            onClose={() => setAsking(false)}
            question={words.discardConfirm}
            confirmLabel={words.discard}
            cancelLabel={words.keep}
            danger
            onConfirm={() => {
              setAsking(false);
              void tellWorker({ type: "outbox-discard", clientId: entry.clientId });
            }}
          />
        </div>
      )}
    </li>
  );
}

/** An arrow leaving a tray: something waiting to go out. */
export function OutboxIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 15V3m0 0-4 4m4-4 4 4M4 13v6a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-6" />
    </svg>
  );
}
