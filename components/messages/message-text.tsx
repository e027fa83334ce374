import Link from "next/link";
import { splitText } from "@/lib/messages/model";

/** A message's text as text: links and ticket ids become links, nothing is ever rendered as HTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {splitText(text).map((part, i) =>
        part.kind === "text" ? (
          part.text
        ) : part.kind === "link" ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className="underline">
            {part.text}
          </a>
        ) : (
          <Link key={i} href={`/tickets/${part.ticketId}`} className="font-mono underline">
            {part.ticketId}
          </Link>
        ),
      )}
    </p>
  );
}
