"use client";

import { deleteMessageAction } from "@/app/(app)/messages/actions";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { formatClock, formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { MessageView } from "@/lib/messages/model";
import type { TicketRefs } from "@/lib/messages/queries";
import { canDeleteMessage, type Who } from "@/lib/permissions";
import { MessageText } from "./message-text";

/** A message as the view holds it: stored, or still on its way from this browser. */
export type ShownMessage = MessageView & { sending?: "pending" | "failed" };

interface MessageItemProps {
  message: ShownMessage;
  tickets: TicketRefs;
  statusLabels: Messages["status"];
  user: Who;
  /** The other person has read it (private conversations, own messages). */
  read: boolean;
  locale: Locale;
  timeZone: string;
  t: Messages["messages"]["conversation"];
  onDeleted: (id: number) => void;
  /** Offered on a failed send. */
  retry?: React.ReactNode;
}

export function MessageItem({ message, tickets, statusLabels, user, read, locale, timeZone, t, onDeleted, retry }: MessageItemProps) {
  const own = message.senderId === user.id;
  const stored = !message.sending;
  return (
    <li id={stored ? `message-${message.id}` : undefined} className={`flex scroll-mt-24 ${own ? "justify-end" : "justify-start"}`} data-testid="message" data-message-id={stored ? message.id : undefined}>
      <div className={`max-w-[85%] rounded-lg border px-3 py-2 ${own ? "border-blue-200 bg-blue-50" : "border-slate-200 bg-white"}`}>
        <p className="text-xs text-slate-600">
          <span className="font-medium text-slate-900">{message.senderName}</span> ·{" "}
          <time dateTime={message.createdAt}>{formatTime(new Date(message.createdAt), locale, timeZone)}</time>
          {message.sending === "pending" && <span> · {t.sending}</span>}
          {message.sending === "failed" && <span className="font-medium text-red-700"> · {t.failed}</span>}
          {stored && own && read && <span data-testid="read"> · {t.read}</span>}
        </p>
        {message.deleted ? (
          <p className="text-slate-500 italic">{t.deleted}</p>
        ) : (
          <>
            {message.content && <MessageText text={message.content} tickets={tickets} statusLabels={statusLabels} />}
            {message.photoIds.length > 0 && (
              <div className="mt-2 flex flex-wrap gap-2">
                {message.photoIds.map((photoId) => (
                  <a key={photoId} href={`/media/messages/${message.id}/${photoId}`} target="_blank" rel="noopener">
                    {/* eslint-disable-next-line @next/next/no-img-element -- private R2 files, served by our own route */}
                    <img src={`/media/messages/${message.id}/${photoId}`} alt={format(t.photoAlt, { name: message.senderName })} className="h-24 w-24 rounded object-cover" loading="lazy" />
                  </a>
                ))}
              </div>
            )}
            {message.audioDuration !== null && (
              <div className="mt-2 flex items-center gap-2">
                <audio
                  controls
                  preload="metadata"
                  src={`/media/messages/${message.id}/audio`}
                  aria-label={format(t.voiceNote, { name: message.senderName, duration: formatClock(message.audioDuration) })}
                  className="w-56 max-w-full"
                />
                <span className="text-xs text-slate-600">{formatClock(message.audioDuration)}</span>
              </div>
            )}
          </>
        )}
        {retry}
        {stored && !message.deleted && (
          <div className="mt-1 flex flex-wrap items-center gap-1">
            {/* The report form, prefilled with this message's text and photos (app/(app)/tickets/new). */}
            {/* Not prefetched: every message has one, and a page of history would send 50 requests
                (each signing in and reading the settings) for links rarely followed. */}
            <Link href={`/tickets/new?message=${message.id}`} prefetch={false} className="btn-ghost inline-flex min-h-8 items-center px-2 text-xs">
              {t.createTicket}
            </Link>
            {canDeleteMessage(user, message) && (
            <ActionButton
              action={deleteMessageAction.bind(null, { id: message.id })}
              label={t.delete}
              pendingLabel={t.deleting}
              confirm={{ question: t.deleteConfirm, confirmLabel: t.yes, cancelLabel: t.no, danger: true }}
              onSuccess={() => onDeleted(message.id)}
              className="btn-ghost min-h-8 px-2 text-xs text-red-700"
            />
            )}
          </div>
        )}
      </div>
    </li>
  );
}
