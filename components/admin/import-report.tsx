import type { MachineImportResult } from "@/app/(admin)/admin/data/actions";
import type { Locale } from "@/lib/i18n";
import { format, type PluralTemplate } from "@/lib/i18n/format";

export interface ImportReportLabels {
  summary: PluralTemplate;
  allValid: PluralTemplate;
  errorsHeading: string;
  line: string;
  previewHeading: string;
  fixFirst: string;
  problems: Record<string, string>;
  columns: Record<string, string>;
  statuses: Record<string, string>;
}

type Check = Extract<MachineImportResult, { intent: "check" }>;

/** What the dry run found: each refused line with its reasons, then a preview of what would be written. */
export function ImportReport({ check, labels, locale }: { check: Check; labels: ImportReportLabels; locale: Locale }) {
  const invalidLines = new Set(check.problems.map((p) => p.line)).size;
  const word = (p: Check["problems"][number]) =>
    format(labels.problems[p.code] ?? p.code, {
      column: p.column ? (labels.columns[p.column] ?? p.column) : "",
      value: p.value ?? "",
      other: p.other ?? "",
      max: p.max ?? "",
    });
  return (
    <div className="space-y-4" data-testid="import-report">
      <p role="status" className={`rounded-md border px-3 py-2 text-sm ${check.problems.length ? "border-amber-300 bg-amber-50 text-amber-900" : "border-emerald-300 bg-emerald-50 text-emerald-800"}`}>
        {check.problems.length
          ? format(labels.summary, { valid: check.valid, invalid: invalidLines }, locale)
          : format(labels.allValid, { valid: check.valid }, locale)}
      </p>
      {check.problems.length > 0 && (
        <section aria-labelledby="import-errors" className="space-y-2">
          <h3 id="import-errors" className="font-semibold">{labels.errorsHeading}</h3>
          <p className="text-sm text-slate-700">{labels.fixFirst}</p>
          <ul className="space-y-1 text-sm" data-testid="import-problems">
            {check.problems.map((p, i) => (
              <li key={i} className="rounded border border-red-200 bg-red-50 px-2 py-1 text-red-900">
                <span className="font-medium">{format(labels.line, { line: p.line })}</span> — {word(p)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.preview.length > 0 && (
        <section aria-labelledby="import-preview" className="space-y-2">
          <h3 id="import-preview" className="font-semibold">{labels.previewHeading}</h3>
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 text-sm">
            {check.preview.map((m) => (
              <li key={m.line} className="px-2 py-1">
                <span className="text-slate-500">{format(labels.line, { line: m.line })}</span> · {m.machineType}
                {m.model && ` ${m.model}`}
                {m.serialNumber && <span className="text-slate-600"> · {m.serialNumber}</span>}
                <span className="text-slate-600"> · {labels.statuses[m.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
