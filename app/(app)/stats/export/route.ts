import { csvDownload } from "@/lib/csv/download";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n";
import { refuse } from "@/lib/operation";
import { parsePeriod } from "@/lib/reliability/period";
import { loadReliability } from "@/lib/reliability/queries";
import { machinesCsv, techniciansCsv } from "@/lib/reliability/table";

// /stats/export?period=…&from=…&to=…[&table=technicians][&sep=semicolon|comma]: the page's figures, as the page shows them.
// Each table has its own file name, so the two downloads do not land as "fiabilite-… (1).csv".
export async function GET(request: Request) {
  const technicians = new URL(request.url).searchParams.get("table") === "technicians";
  return csvDownload(request, technicians ? "fiabilite-techniciens" : "fiabilite-machines", async ({ user, separator, locale, timeZone, params }) => {
    const now = new Date();
    const report = (await loadReliability(await getDb(), user, parsePeriod(params, now, timeZone), now)) ?? refuse("forbidden");
    const t = messagesFor(locale);
    return technicians ? techniciansCsv(report, t, locale, separator) : machinesCsv(report, t, locale, separator);
  });
}
