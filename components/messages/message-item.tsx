"use client";

import { deleteMessageAction, editMessageTranscriptAction } from "@/app/(app)/messages/actions";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { Icon } from "@/components/shell/icons";
import { ActionResultMessage, runAction } from "@/components/ui/action-result";
import { AudioPlayer } from "@/components/ui/audio-player";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MenuButton, type MenuItem } from "@/components/ui/menu-button";
import { formatClock, formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { MessageView } from "@/lib/messages/model";
import type { TicketRefs } from "@/lib/messages/queries";
import type { ActionResult } from "@/lib/operation";
import { can, canDeleteMessage, type Who } from "@/lib/permissions";
import { Transcript } from "@/components/voice/transcript";
import type { TranscriptLabels } from "@/lib/voice/model";
import { MessageText } from "./message-text";

/** A message as the view holds it: stored, or still on its way from this browser. */
export type ShownMessage = MessageView & { sending?: "pending" | "failed" };

interface MessageItemProps {
  message: ShownMessage;
  /** Beside a guest's name in a group: "Invité · company". */
  senderMark?: string;
  tickets: TicketRefs;
  /** The plant's column names by key (lib/tickets/columns.ts). */
  statusLabels: Record<string, string>;
  user: Who;
  /** The other person has read it (private conversations, own messages). */
  read: boolean;
  locale: Locale;
  timeZone: string;
  t: Messages["messages"]["conversation"];
  /** The voice note's player. */
  playerLabels: { play: string; pause: string };
  onDeleted: (id: number) => void;
  /** A voice note's text (lib/voice/): its words, and the message its author's correction sent back. */
  transcript: { labels: TranscriptLabels; onSaved: (message: MessageView) => void };
  /** Offered on a failed send. */
  retry?: React.ReactNode;
}

/** How long a finger rests on a message to open its actions, as on a phone's own apps. */
const LONG_PRESS_MS = 500;

/**
 * A message's actions (copy, report as a ticket, delete) live behind its "…"
 * button and a long press, so a bubble is as tall as what it says. A message
 * that became a ticket says so and links to it (for those who may open it).
 */
export function MessageItem({ message, senderMark, tickets, statusLabels, user, read, locale, timeZone, t, playerLabels, onDeleted, transcript, retry }: MessageItemProps) {
  const own = message.senderId === user.id;
  const stored = !message.sending;
  const [menuOpen, setMenuOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const press = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const ticket = message.ticketId ? tickets[message.ticketId] : undefined;
  const actionable = stored && !message.deleted;

  const items: MenuItem[] = [];
  if (message.content) items.push({ label: t.copy, icon: <Icon name="copy" className="h-5 w-5" />, onSelect: () => void copy() });
  // Not for a guest: tickets are the plant's.
  if (!message.ticketId) {
    if (can(user, "ticket.create")) items.push({ label: t.createTicket, icon: <Icon name="ticket" className="h-5 w-5" />, href: `/tickets/new?message=${message.id}` });
  } else if (ticket) items.push({ label: format(t.openTicket, { ticket: message.ticketId }), icon: <Icon name="ticket" className="h-5 w-5" />, href: ticketHref(message.ticketId) });
  if (canDeleteMessage(user, message)) items.push({ label: t.delete, icon: <Icon name="trash" className="h-5 w-5" />, danger: true, onSelect: () => setAsking(true) });

  async function copy() {
    let said: string = t.copied;
    try {
      await navigator.clipboard.writeText(message.content);
    } catch {
      said = t.copyFailed;
    }
    setCopied(said);
    setTimeout(() => setCopied((current) => (current === said ? null : current)), 4000);
  }

  function remove() {
    startDelete(async () => {
      const next = await runAction(() => deleteMessageAction({ id: message.id }));
      setResult(next);
      if (next.ok) {
        setAsking(false);
        onDeleted(message.id);
      }
    });
  }

  // A long press (a finger resting still) opens the actions; the browser's own
  // long-press menu and text selection would cover them, so they are held back.
  const longPress = actionable && items.length > 0;
  function endPress() {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  }
  function startPress(event: React.PointerEvent) {
    if (event.pointerType !== "touch") return;
    endPress();
    press.current = { x: event.clientX, y: event.clientY, timer: setTimeout(() => setMenuOpen(true), LONG_PRESS_MS) };
  }
  function movePress(event: React.PointerEvent) {
    if (press.current && Math.hypot(event.clientX - press.current.x, event.clientY - press.current.y) > 10) endPress();
  }
  function touchMenu(event: React.MouseEvent) {
    if ((event.nativeEvent as PointerEvent).pointerType !== "touch") return;
    event.preventDefault();
    setMenuOpen(true);
  }

  return (
    <li id={stored ? `message-${message.id}` : undefined} className={`flex scroll-mt-24 ${own ? "justify-end" : "justify-start"}`} data-testid="message" data-message-id={stored ? message.id : undefined}>
      <div
        onPointerDown={longPress ? startPress : undefined}
        onPointerMove={longPress ? movePress : undefined}
        onPointerUp={longPress ? endPress : undefined}
        onPointerCancel={longPress ? endPress : undefined}
        onContextMenu={longPress ? touchMenu : undefined}
        className={`max-w-[85%] min-w-0 rounded-2xl border px-3 py-1.5 [-webkit-touch-callout:none] pointer-coarse:select-none ${own ? "border-blue-200 bg-blue-50" : "border-slate-200 bg-white"}`}
      >
        <div className="flex items-center gap-1 text-xs text-slate-600">
          <p className="min-w-0">
            <span className="font-medium text-slate-900">{message.senderName}</span>
            {senderMark && <span data-testid="guest-mark"> ({senderMark})</span>} ·{" "}
            <time dateTime={message.createdAt}>{formatTime(new Date(message.createdAt), locale, timeZone)}</time>
            {message.sending === "pending" && <span> · {t.sending}</span>}
            {message.sending === "failed" && <span className="font-medium text-red-700"> · {t.failed}</span>}
            {stored && own && read && <span data-testid="read"> · {t.read}</span>}
          </p>
          {longPress && (
            <span className="-my-2 -mr-2 ml-auto">
              <MenuButton
                label={format(t.actions, { name: message.senderName, time: formatTime(new Date(message.createdAt), locale, timeZone) })}
                items={items}
                open={menuOpen}
                onOpenChange={setMenuOpen}
                buttonClassName="inline-flex size-10 items-center justify-center rounded-full text-slate-600 hover:bg-slate-200/70"
              >
                <Icon name="more" className="h-5 w-5" />
              </MenuButton>
            </span>
          )}
        </div>
        {message.deleted ? (
          <p className="text-slate-500 italic">{t.deleted}</p>
        ) : (
          <>
            {message.content && <MessageText text={message.content} tickets={tickets} statusLabels={statusLabels} />}
            {message.photoIds.length > 0 && (
              <div className="mt-1 flex flex-wrap gap-2">
                {message.photoIds.map((photoId) => (
                  <a key={photoId} href={`/media/messages/${message.id}/${photoId}`} target="_blank" rel="noopener">
                    {/* eslint-disable-next-line @next/next/no-img-element -- private R2 files, served by our own route */}
                    <img src={`/media/messages/${message.id}/${photoId}`} alt={format(t.photoAlt, { name: message.senderName })} className="h-24 w-24 rounded object-cover" loading="lazy" />
                  </a>
                ))}
              </div>
            )}
            {message.audioDuration !== null && (
              <div className="mt-1">
                <AudioPlayer
                  src={`/media/messages/${message.id}/audio`}
                  seconds={message.audioDuration}
                  label={format(t.voiceNote, { name: message.senderName, duration: formatClock(message.audioDuration) })}
                  labels={playerLabels}
                />
                {message.transcript && (
                  <Transcript
                    id={message.id}
                    text={message.transcript.text}
                    edited={message.transcript.edited}
                    editable={own}
                    save={editMessageTranscriptAction}
                    onSaved={transcript.onSaved}
                    labels={transcript.labels}
                  />
                )}
              </div>
            )}
            {message.ticketId && (
              <p className="mt-1 flex items-center gap-1 text-xs text-slate-700" data-testid="message-ticket">
                <Icon name="ticket" className="h-4 w-4 shrink-0" />
                {ticket ? (
                  <Link href={ticketHref(message.ticketId)} prefetch={false} className="underline">
                    {format(t.becameTicket, { ticket: message.ticketId })} · {statusLabels[ticket.status] ?? ticket.status}
                  </Link>
                ) : (
                  format(t.becameTicket, { ticket: message.ticketId })
                )}
              </p>
            )}
          </>
        )}
        {copied && (
          <p role="status" className="text-xs text-slate-700">
            {copied}
          </p>
        )}
        {retry}
        {asking && (
        <ConfirmDialog
          open
          onClose={() => {
            setAsking(false);
            setResult(null);
          }}
          onConfirm={remove}
          question={t.deleteConfirm}
          confirmLabel={t.yes}
          cancelLabel={t.no}
          danger
          pending={deleting}
          pendingLabel={t.deleting}
        >
          {result && !result.ok && <ActionResultMessage result={result} />}
        </ConfirmDialog>
        )}
      </div>
    </li>
  );
}

const ticketHref = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}`;

/** A group's change in its conversation: a quiet line between the messages, nobody's to answer or delete. */
export function GroupEventLine({ text, createdAt, time }: { text: string; createdAt: string; time: string }) {
  return (
    <li className="flex justify-center" data-testid="group-event">
      <p className="max-w-[90%] rounded-2xl bg-slate-100 px-3 py-1 text-center text-xs text-slate-700">
        {text} · <time dateTime={createdAt}>{time}</time>
      </p>
    </li>
  );
}
