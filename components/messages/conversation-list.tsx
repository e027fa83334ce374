"use client";

import Link from "next/link";
import { useEffect } from "react";
import { CountPill } from "@/components/ui/count-pill";
import { formatDateTime } from "@/lib/format";
import { format, type PluralTemplate } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { ConversationSummary } from "@/lib/messages/queries";
import { Icon } from "@/components/shell/icons";
import { groupEventText } from "./group-words";
import { useLive } from "./live-provider";
import { PresenceDot } from "./presence-dot";

interface ConversationListProps {
  /** As the server rendered them; the tab's socket keeps them live from there. */
  conversations: ConversationSummary[];
  /** Said when there is none (a guest in no group yet): a group they are added to then appears live. */
  empty: string;
  locale: Locale;
  timeZone: string;
  t: Messages["messages"]["list"];
  /** A group's change, when it is the last thing said. */
  events: Messages["messages"]["events"];
  unreadLabel: PluralTemplate;
  /** Said after a person who has Atelier open (the green dot). */
  onlineLabel: string;
}

/** The team channel first, then private conversations and groups, most recent first (as listConversations orders them). */
export function ConversationList({ conversations: rendered, empty, locale, timeZone, t, events, unreadLabel, onlineLabel }: ConversationListProps) {
  const { conversations: live, showInbox } = useLive();
  useEffect(() => showInbox(rendered), [rendered, showInbox]);
  const conversations = live ?? rendered;
  const preview = (c: ConversationSummary) => {
    if (!c.last) return t.noMessages;
    if (c.last.deleted) return t.deleted;
    if (c.last.event) return groupEventText(c.last.event, c.last.senderName, events);
    return c.last.preview || (c.last.audio ? t.voiceNote : c.last.photos ? t.photo : "");
  };
  if (!conversations.length) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="conversations">
      {conversations.map((c) => {
        const name = c.groupName ?? c.other?.name ?? t.team;
        return (
          <li key={c.key}>
            <Link href={`/messages/${c.key}`} className="flex min-h-16 items-center gap-3 px-3 py-2 hover:bg-slate-50" data-conversation={c.key}>
              <div className="min-w-0 flex-1">
                <p className="flex items-baseline justify-between gap-2">
                  <span className="flex min-w-0 items-center gap-1.5">
                    {c.groupName !== null && (
                      <>
                        <Icon name="group" className="h-5 w-5 shrink-0 text-slate-500" />
                        <span className="sr-only">{t.group} </span>
                      </>
                    )}
                    <span className={`truncate ${c.unread ? "font-semibold" : "font-medium"}`}>{name}</span>
                    {c.other && <PresenceDot userId={c.other.id} label={onlineLabel} />}
                  </span>
                  {c.last && (
                    <time dateTime={c.last.createdAt} className="shrink-0 text-xs text-slate-500">
                      {formatDateTime(new Date(c.last.createdAt), locale, timeZone)}
                    </time>
                  )}
                </p>
                <p className="truncate text-sm text-slate-600">
                  {/* Who wrote last: in the team channel and a group always, in a private one when it was the reader (a group's change names them itself). */}
                  {c.last && !c.last.deleted && !c.last.event && (c.last.mine || c.other === null) && <span>{format(t.lastBy, { name: c.last.mine ? t.you : c.last.senderName })}</span>}
                  {preview(c)}
                </p>
              </div>
              {c.unread > 0 && (
                <CountPill count={c.unread} label={format(unreadLabel, { count: c.unread }, locale)} className="bg-blue-700 text-white" data-testid="conversation-unread" />
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
