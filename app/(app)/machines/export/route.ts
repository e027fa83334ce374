import { csvDownload } from "@/lib/csv/download";
import { getDb } from "@/lib/db/client";
import { exportMachinesCsv } from "@/lib/machines/csv";

// /machines/export?sep=semicolon|comma: the format the import accepts.
export async function GET(request: Request) {
  return csvDownload(request, "machines", async ({ user, separator, locale }) => exportMachinesCsv(await getDb(), user, { separator, locale }));
}
