import { readTicketRefs } from "@/lib/messages/operations";
import { readRoute } from "@/lib/read-route";

// /messages/read/tickets?id=TKT-…&id=TKT-…: the tickets named in messages that arrived live.
export const GET = readRoute(readTicketRefs, (query) => ({ ids: query.getAll("id") }));
