import { readInbox } from "@/lib/messages/operations";
import { readRoute } from "@/lib/read-route";

// /messages/read/inbox: the conversation list with its unread counts.
export const GET = readRoute(readInbox, () => ({}));
