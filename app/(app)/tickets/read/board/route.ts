import { readRoute } from "@/lib/read-route";
import { readBoard } from "@/lib/tickets/board-view";

// /tickets/read/board?<the board's own query>: the board as its page words it, read again by an open board when tickets change.
export const GET = readRoute(readBoard, (query) => Object.fromEntries(query));
