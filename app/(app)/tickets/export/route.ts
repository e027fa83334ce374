import { csvDownload } from "@/lib/csv/download";
import { getDb } from "@/lib/db/client";
import { asTicketReader } from "@/lib/request";
import { parseBoardFilters } from "@/lib/tickets/board";
import { exportTicketsCsv } from "@/lib/tickets/csv";

// /tickets/export?<the board's query>&sep=semicolon|comma
export async function GET(request: Request) {
  return csvDownload(request, "tickets", async ({ user, params, ...options }) =>
    exportTicketsCsv(await getDb(), await asTicketReader(user), parseBoardFilters(Object.fromEntries(params)), { ...options, now: new Date() }),
  );
}
