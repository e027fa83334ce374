import { csvDownload } from "@/lib/csv/download";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { refuse } from "@/lib/operation";
import { parsePeriod } from "@/lib/reliability/period";
import { loadReliability } from "@/lib/reliability/queries";
import { machinesCsv, techniciansCsv } from "@/lib/reliability/table";

// /stats/export?period=…&from=…&to=…[&table=technicians][&sep=semicolon|comma]: the page's figures, as the page shows them.
export async function GET(request: Request) {
  return csvDownload(request, "fiabilite", async ({ user, separator, locale, timeZone, params }) => {
    const now = new Date();
    const report = (await loadReliability(await getDb(), user, parsePeriod(params, now, timeZone), now)) ?? refuse("forbidden");
    const t = messagesFor(locale);
    return params.get("table") === "technicians" ? techniciansCsv(report, t, locale, separator) : machinesCsv(report, t, locale, separator);
  });
}
