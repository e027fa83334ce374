import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { intoSheets, labelLayoutIds, labelLayouts, type LabelLayout } from "@/lib/machines/labels";
import { DownloadPdfButton } from "./download-pdf-button";
import type { LabelContent } from "./machine-label";
import { PrintButton } from "./print-button";

interface LabelControlsProps {
  labels: LabelContent[];
  layout: LabelLayout;
  company: { name: string; logoSrc?: string };
  t: Messages;
  locale: Locale;
}

/** What the screen shows above the sheets, and never prints: the layout choice, the print and PDF buttons. */
export function LabelControls({ labels, layout, company, t, locale }: LabelControlsProps) {
  const l = t.labels;
  const ids = labels.map((label) => label.id);
  const sheets = intoSheets(ids, layout).length;
  // What the PDF needs of each label, and no more: the browser gets the QR runs, not the SVG path too.
  const pdfLabels = labels.map(({ id, name, location, serialNumber, url, qr: { size, quietZone, runs } }) => ({
    id,
    name,
    location,
    serialNumber,
    url,
    qr: { size, quietZone, runs },
  }));
  return (
    <div className="label-controls space-y-3">
      <div>
        <h1 className="text-2xl font-semibold">{l.title}</h1>
        <p className="text-slate-600">{l.intro}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <form method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="machine" value={ids.join(",")} />
          <div className="space-y-1">
            <label htmlFor="label-layout" className="block text-sm font-medium text-slate-800">
              {l.layout}
            </label>
            <select id="label-layout" name="layout" defaultValue={layout.id} className="field">
              {labelLayoutIds.map((id) => (
                <option key={id} value={id}>
                  {l.layouts[id]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {l.apply}
          </button>
        </form>
        <PrintButton label={l.print} />
        <DownloadPdfButton
          labels={pdfLabels}
          layout={layout}
          company={company}
          words={{ serial: l.serial, scan: l.scan }}
          title={`${l.title} · ${company.name}`}
          fileName={format(l.pdfFileName, { layout: layout.id })}
          text={{ download: l.downloadPdf, preparing: l.preparingPdf, failed: l.pdfFailed }}
        />
        <Link href="/machines" className="btn-ghost">
          {l.backToList}
        </Link>
      </div>
      <p className="text-sm text-slate-700" data-testid="label-count">
        {format(l.count, { count: ids.length, sheets }, locale)} · {labelLayouts[layout.id].labelWidth} × {labelLayouts[layout.id].labelHeight} mm
      </p>
      <p className="text-sm text-slate-600">{l.printHelp}</p>
    </div>
  );
}
