import { openLiveSocket } from "@/lib/messages/operations";
import { readRoute } from "@/lib/read-route";

// /messages/read/live-token: a one-minute ticket for the tab's live socket (worker.ts checks it at /live).
export const GET = readRoute(openLiveSocket, () => ({}));
