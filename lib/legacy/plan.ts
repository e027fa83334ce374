// From an export of the old system to the rows Atelier writes and the report:
// pure, apart from the time PBKDF2 takes to wrap the old SHA-256 hashes. The
// command (scripts/import-legacy.mjs) reads the export and the bucket, settles
// the files (files.ts), writes the rows (statements.ts) and prints the report.
import { PlanContext } from "./context";
import type { LegacyExport } from "./export";
import { mapLeftovers } from "./leftovers";
import { mapMessages } from "./messages";
import { mapOverdueRecord } from "./overdue";
import { mapPeople } from "./people";
import { emptyReport } from "./report";
import type { ImportPlan } from "./rows";
import { mapSettings } from "./settings";
import { mapWork } from "./work";

export interface PlanOptions {
  /** When the import runs: the audit entry's time, and the time of what it adds (a custom column's event, read pointers). */
  now: Date;
}

export async function planImport(source: LegacyExport, { now }: PlanOptions): Promise<ImportPlan> {
  const ctx = new PlanContext(source, now, emptyReport());
  await mapPeople(ctx);
  mapWork(ctx);
  mapMessages(ctx);
  mapOverdueRecord(ctx);
  const aiSettings = mapSettings(ctx);
  mapLeftovers(ctx, aiSettings);
  ctx.finish();
  return { rows: ctx.rows, files: ctx.files, report: ctx.report };
}
