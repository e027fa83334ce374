"use client";

import { useEffect, useEffectEvent, useOptimistic, useRef, useState } from "react";
import { markConversationReadAction, sendMessageAction } from "@/app/(app)/messages/actions";
import { ActionButton } from "@/components/ui/action-button";
import { clearDraft } from "@/components/offline/draft-keeper";
import { useOffline } from "@/components/offline/offline-provider";
import { keepForLater } from "@/components/offline/outbox";
import { PendingItems } from "@/components/offline/pending-items";
import { utcToWallTime } from "@/lib/factory-time";
import { formatDay, formatTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import { groupByDay, normalizeText, parseConversation, ticketIdsIn, type GroupView, type MessageView } from "@/lib/messages/model";
import type { HistoryPage, TicketRefs } from "@/lib/messages/queries";
import type { ActionResult } from "@/lib/operation";
import type { Who } from "@/lib/permissions";
import { Composer } from "./composer";
import { fetchRead } from "./fetch-read";
import { groupEventText, guestMark } from "./group-words";
import { GroupEventLine, MessageItem, type ShownMessage } from "./message-item";
import type { TranscriptLabels } from "@/lib/voice/model";
import { useLive, useLiveEvents } from "./live-provider";
import { OutOfGroup, useLiveGroup } from "./use-live-group";
import { useOlderMessages } from "./use-older-messages";

export interface ConversationViewProps {
  conversationKey: string;
  user: Who & { name: string };
  /** The latest page, with the tickets its messages mention. */
  initial: { messages: MessageView[]; hasMore: boolean; tickets: TicketRefs };
  otherLastReadId: number;
  /** A group's name and members (its guests are marked beside their messages); null for the team and a pair. */
  group: GroupView | null;
  /** False when the other person's account is deactivated: nothing can be sent. */
  canWrite: boolean;
  /** What the composer starts with (a ticket id from the ticket page). */
  draft?: string;
  /** "Retirer {name}" (the shared word): a chosen photo taken out before sending. */
  removeFile: string;
  /** The plant's column names by key (lib/tickets/columns.ts). */
  statusLabels: Record<string, string>;
  locale: Locale;
  timeZone: string;
  t: Messages["messages"];
  /** Under a voice note, its text (lib/voice/). */
  transcriptLabels: TranscriptLabels;
}

/** Stored messages by id, then the ones on their way, each once (a live event and a send's result may both bring one). */
function merge(current: ShownMessage[], incoming: MessageView[]): ShownMessage[] {
  const byId = new Map<number, ShownMessage>();
  const clientIds = new Set(incoming.map((m) => m.clientId).filter(Boolean));
  for (const m of current) if (!m.sending) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  const stored = [...byId.values()].sort((a, b) => a.id - b.id);
  return [...stored, ...current.filter((m) => m.sending && !clientIds.has(m.clientId))];
}

/**
 * A message on its way, shown on top of the stored list until its send settles; a stored copy (from the send's
 * answer or the live socket) wins over it, and a retried one replaces its failed self.
 */
function onTheirWay(current: ShownMessage[], shown: ShownMessage): ShownMessage[] {
  if (current.some((m) => !m.sending && m.clientId === shown.clientId)) return current;
  return [...current.filter((m) => m.clientId !== shown.clientId), shown];
}

/** The tickets a message names, and the one made from it. */
function ticketsOf(message: MessageView): string[] {
  const named = ticketIdsIn(message.content);
  return message.ticketId ? [...named, message.ticketId] : named;
}

/** Ids asked for once, found or not, with the page that brought their messages or by readTicketRefs. */
function knownIds(messages: MessageView[]): string[] {
  return messages.flatMap(ticketsOf);
}

export function ConversationView(props: ConversationViewProps) {
  const { conversationKey, user, initial, otherLastReadId, canWrite, draft, removeFile, statusLabels, locale, timeZone, t, transcriptLabels } = props;
  // A group, live: out of it (removed, or left elsewhere), the page shows nothing more of it.
  const { group, removed, setRemoved } = useLiveGroup(conversationKey, props.group, user.id);
  const pair = parseConversation(conversationKey)?.kind === "private";
  const [settled, setMessages] = useState<ShownMessage[]>(initial.messages);
  // A send runs inside the form's transition, where a plain state update would wait for the server's answer:
  // the optimistic layer shows "envoi…" at once.
  const [messages, showOnItsWay] = useOptimistic(settled, onTheirWay);
  const [hasMore, setHasMore] = useState(initial.hasMore);
  const [otherRead, setOtherRead] = useState(otherLastReadId);
  const [tickets, setTickets] = useState<TicketRefs>(initial.tickets);
  const askedTickets = useRef(new Set(knownIds(initial.messages)));
  const pendingSends = useRef(new Map<string, FormData>());
  const lastMarked = useRef(0);
  const bottom = useRef<HTMLDivElement>(null);
  const c = t.conversation;
  // [offline] The composer's text is kept as a draft until the message is sent or kept in the outbox.
  const draftName = `message:${conversationKey}`;
  const owner = useOffline()?.owner;
  const forgetDraft = () => owner !== undefined && clearDraft(owner, draftName);

  const readHistory = (from: { before?: number; after?: number }) =>
    fetchRead<HistoryPage & { tickets: TicketRefs }>("/messages/read/history", { conversation: conversationKey, ...from });

  /** A page from the server: its messages, and the tickets they mention. */
  function takePage(page: { messages: MessageView[]; tickets: TicketRefs }) {
    for (const id of knownIds(page.messages)) askedTickets.current.add(id);
    setTickets((current) => ({ ...current, ...page.tickets }));
    setMessages((current) => merge(current, page.messages));
  }

  // A send moves its sender's read pointer to the message in the same batch (from this tab or another):
  // nothing is left to mark read up to it. The live event often arrives before the send's own answer.
  const sentByMe = (message: MessageView) => {
    if (message.senderId === user.id) lastMarked.current = Math.max(lastMarked.current, message.id);
  };

  const onDeleted = (id: number) =>
    setMessages((current) => current.map((m) => (m.id === id ? { ...m, deleted: true, content: "", photoIds: [], audioDuration: null, transcript: null } : m)));

  const lastStoredId = messages.findLast((m) => !m.sending)?.id ?? 0;

  // Read up to the last stored message while the page is in view.
  const { setActive, refreshInbox } = useLive();
  useEffect(() => {
    setActive(conversationKey);
    return () => setActive(null);
  }, [conversationKey, setActive]);
  const markRead = useEffectEvent(() => {
    if (document.visibilityState !== "visible" || lastStoredId <= lastMarked.current) return;
    lastMarked.current = lastStoredId;
    // The header's count: from the answer here, from the read event in the user's other tabs.
    void markConversationReadAction({ conversation: conversationKey, upTo: lastStoredId }).then(refreshInbox, () => {});
  });
  useEffect(() => {
    markRead();
    document.addEventListener("visibilitychange", markRead);
    return () => document.removeEventListener("visibilitychange", markRead);
  }, [lastStoredId]);

  // A message added at the end (sent, or arrived) brings the view down; older ones loaded above do not.
  // Once more when the one being sent is stored: it grows (its actions appear) under the composer; and
  // when its voice note's text arrives (lib/voice/), which would otherwise appear under the composer.
  const last = messages.at(-1);
  const lastKey = last ? `${last.clientId ?? ""}:${last.id ?? ""}:${last.transcript?.text ?? ""}` : "";
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [lastKey]);

  // Ticket ids in messages that came live or were just sent: looked up once, in one query.
  const mentionedKey = [...new Set(messages.flatMap((m) => (m.sending ? [] : ticketsOf(m))))].join(" ");
  useEffect(() => {
    const ids = mentionedKey.split(" ").filter((id) => id && !askedTickets.current.has(id));
    if (!ids.length) return;
    for (const id of ids) askedTickets.current.add(id);
    void fetchRead<TicketRefs>("/messages/read/tickets", { id: ids }).then(
      (found) => found && setTickets((current) => ({ ...current, ...found })),
      () => ids.forEach((id) => askedTickets.current.delete(id)),
    );
  }, [mentionedKey]);

  const online = useLiveEvents(
    (event) => {
      if (event.type === "message" && event.message.conversationKey === conversationKey) {
        sentByMe(event.message);
        setMessages((current) => merge(current, [event.message]));
      }
      if (event.type === "deleted" && event.conversationKey === conversationKey) onDeleted(event.id);
      if (event.type === "ticketed" && event.conversationKey === conversationKey) {
        setMessages((current) => current.map((m) => (m.id === event.id && !m.sending ? { ...m, ticketId: event.ticketId } : m)));
      }
      if (event.type === "read" && event.conversationKey === conversationKey && event.userId !== user.id) {
        setOtherRead((last) => Math.max(last, event.lastReadId));
      }
    },
    // Whatever arrived while the socket was closed, once: merge() keeps one copy per id. A group
    // refusing it: the reader was taken out of it meanwhile.
    async () => {
      const page = await readHistory({ after: lastStoredId }).catch(() => undefined);
      if (page) takePage(page);
      else if (page === null && group) setRemoved(true);
    },
  );

  const firstStoredId = messages.find((m) => !m.sending)?.id;
  const { sentinel, loading: loadingOlder, loadOlder } = useOlderMessages(async () => {
    if (!firstStoredId) return;
    const page = await readHistory({ before: firstStoredId }).catch(() => null);
    if (!page) return;
    setHasMore(page.hasMore);
    takePage(page);
  }, hasMore);

  /**
   * Sends and settles the message in the list. The result goes to the composer: a refusal puts the text back
   * in the box with the reason; a lost request does not (`data: null`), since the message stays in the list as
   * "non envoyé" with "Réessayer", and sending the box again would make a second copy.
   */
  async function deliver(shown: ShownMessage, data: FormData): Promise<ActionResult<MessageView | null>> {
    const clientId = shown.clientId!;
    showOnItsWay({ ...shown, sending: "pending" });
    let result: ActionResult<MessageView>;
    try {
      result = await sendMessageAction(data);
    } catch {
      // [offline] No network: kept on the device and sent when it returns; <PendingItems> shows it meanwhile.
      const kept = await keepForLater("message", data, { scope: conversationKey, subject: "", text: shown.content });
      if (kept) forgetDraft();
      setMessages((current) => [...current.filter((m) => m.clientId !== clientId), ...(kept ? [] : [{ ...shown, sending: "failed" as const }])]);
      return { ok: true, data: null };
    }
    pendingSends.current.delete(clientId);
    if (result.ok) {
      forgetDraft(); // [offline]
      sentByMe(result.data);
      setMessages((current) => merge(current, [result.data]));
    }
    // Refused (empty, too long, a bad file): the message leaves the list and the composer says why, with the text back.
    else setMessages((current) => current.filter((m) => m.clientId !== clientId));
    return result;
  }

  function send(data: FormData): Promise<ActionResult<MessageView | null>> {
    const clientId = crypto.randomUUID();
    data.set("clientId", clientId);
    data.set("conversation", conversationKey);
    pendingSends.current.set(clientId, data);
    return deliver(
      {
        id: 0, // not stored yet: the view keys it by clientId
        clientId,
        conversationKey,
        senderId: user.id,
        senderName: user.name,
        content: normalizeText(String(data.get("content") ?? "")),
        createdAt: new Date().toISOString(),
        deleted: false,
        audioDuration: null,
        photoIds: [],
        ticketId: null,
        transcript: null,
        sending: "pending",
      },
      data,
    );
  }

  function retry(clientId: string) {
    const data = pendingSends.current.get(clientId);
    const failed = settled.find((m) => m.clientId === clientId);
    if (!data || !failed) return Promise.resolve<ActionResult<MessageView | null>>({ ok: false, error: t.composer.failed });
    return deliver(failed, data);
  }

  if (removed) return <OutOfGroup t={t.group} />;

  // A guest's messages carry their mark ("Invité · company"), as the group's members list says it.
  const marks = new Map((group?.members ?? []).flatMap((member) => {
    const mark = guestMark(member, t.group);
    return mark ? [[member.id, mark] as const] : [];
  }));
  const days = groupByDay(messages, (date) => utcToWallTime(date, timeZone).date);
  // On a phone the view fills the screen down to the tab bar, so a short conversation keeps the
  // composer at the bottom, where a thumb expects it: the height less what is above (the header, the
  // back link, the title) and below (the tab bar); -mb-11 takes back the main's bottom padding and the
  // gap after the composer, so it rests on the tab bar without making the page scroll.
  return (
    <div className="flex flex-col gap-3 max-md:-mb-11 max-md:min-h-[calc(100dvh-11.5rem-env(safe-area-inset-bottom))]">
      {!online && (
        <p role="status" className="sticky top-0 z-10 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="offline">
          {c.offline}
        </p>
      )}
      {hasMore && (
        <div className="text-center" ref={sentinel}>
          <button type="button" className="btn-ghost text-sm" onClick={loadOlder} aria-disabled={loadingOlder}>
            {loadingOlder ? c.loadingOlder : c.older}
          </button>
        </div>
      )}
      {messages.length === 0 && <p className="text-center text-slate-600">{c.empty}</p>}
      {days.map((day) => (
        <section key={day.day} aria-label={formatDay(day.day, locale)}>
          <h2 className="my-2 text-center text-xs font-medium text-slate-500" data-testid="day">
            {formatDay(day.day, locale)}
          </h2>
          <ol className="space-y-2" data-testid="messages">
            {day.messages.map((message) =>
              message.event ? (
                <GroupEventLine
                  key={message.id}
                  text={groupEventText(message.event, message.senderName, t.events)}
                  createdAt={message.createdAt}
                  time={formatTime(new Date(message.createdAt), locale, timeZone)}
                />
              ) : (
                <MessageItem
                  key={message.clientId ?? message.id}
                  message={message}
                  senderMark={marks.get(message.senderId)}
                  tickets={tickets}
                  statusLabels={statusLabels}
                  user={user}
                  read={pair && message.id <= otherRead}
                  locale={locale}
                  timeZone={timeZone}
                  t={c}
                  playerLabels={t.composer}
                  onDeleted={onDeleted}
                  transcript={{ labels: transcriptLabels, onSaved: (saved) => setMessages((current) => merge(current, [saved])) }}
                  retry={
                    message.sending === "failed" &&
                    message.clientId && <ActionButton action={() => retry(message.clientId!)} label={c.retry} pendingLabel={c.retrying} className="btn-secondary mt-1 min-h-9 text-sm" />
                  }
                />
              ),
            )}
          </ol>
        </section>
      ))}
      <div className="flex-1" aria-hidden="true" />
      {/* [offline] Messages this device still holds. */}
      <PendingItems kind="message" scope={conversationKey} />
      {canWrite ? <Composer send={send} draft={draft} draftName={draftName} t={t.composer} removeFile={removeFile} /> : <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">{c.inactive}</p>}
      {/* After the composer, kept clear of the phone's tab bar: "bring the view down" then
          leaves the last message above the composer, not under it (it is sticky). */}
      <div ref={bottom} className="scroll-mb-[calc(3.5rem+env(safe-area-inset-bottom))] md:scroll-mb-0" />
    </div>
  );
}
