import Link from "next/link";
import { splitText } from "@/lib/messages/model";
import type { TicketRefs } from "@/lib/messages/queries";

interface MessageTextProps {
  text: string;
  /** The tickets the reader may open; other ticket-shaped ids stay plain text. */
  tickets: TicketRefs;
  /** The plant's column names by key (lib/tickets/columns.ts). */
  statusLabels: Record<string, string>;
}

/** A message's text as text: links and ticket ids become links, nothing is ever rendered as HTML. */
export function MessageText({ text, tickets, statusLabels }: MessageTextProps) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {splitText(text).map((part, i) => {
        if (part.kind === "text") return part.text;
        if (part.kind === "link") {
          return (
            <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className="underline">
              {part.text}
            </a>
          );
        }
        const ticket = tickets[part.ticketId];
        if (!ticket) return part.ticketId;
        return (
          <Link key={i} href={`/tickets/${part.ticketId}`} prefetch={false} className="underline" data-testid="ticket-link">
            <span className="font-mono">{part.ticketId}</span>
            <span className="text-slate-700">
              {" "}({ticket.title} · {statusLabels[ticket.status] ?? ticket.status})
            </span>
          </Link>
        );
      })}
    </p>
  );
}
