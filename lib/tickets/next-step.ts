// The one next step of a ticket's work, as the ticket page's action bar offers it
// in one tap: received -> diagnostic -> in progress -> completed -> archived, and
// back to work when the parts have come. Any other move stays in "Modifier".
import type { TicketStatus } from "./model";

const nextStatuses = {
  received: "diagnostic",
  diagnostic: "in_progress",
  in_progress: "completed",
  waiting_parts: "in_progress",
  completed: "archived",
  archived: null,
} as const satisfies Record<TicketStatus, TicketStatus | null>;

/** The status the work goes to next, or null when it is over (archived) or the status is unknown. */
export function nextStatus(status: string): TicketStatus | null {
  return (nextStatuses as Record<string, TicketStatus | null>)[status] ?? null;
}
