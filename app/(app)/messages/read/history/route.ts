import { readHistory } from "@/lib/messages/operations";
import { readRoute } from "@/lib/read-route";

// /messages/read/history?conversation=team&before=123 (scrolling up) or &after=456 (catching up after a lost socket).
export const GET = readRoute(readHistory, (query) => ({
  conversation: query.get("conversation") ?? "",
  before: query.get("before") ?? undefined,
  after: query.get("after") ?? undefined,
}));
