import { readRoute } from "@/lib/read-route";
import { readOpenTicketsOnMachine } from "@/lib/tickets/open-on-machine";

// /tickets/read/open?machine=5: the report form's list of the chosen machine's open tickets, with the reader's rights.
export const GET = readRoute(readOpenTicketsOnMachine, (query) => ({ machine: query.get("machine") }));
