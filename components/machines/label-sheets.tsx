import { format, type Messages } from "@/lib/i18n";
import { intoSheets, type LabelLayout } from "@/lib/machines/labels";
import { MachineLabel, type LabelContent } from "./machine-label";
import "./label-sheet.css";

interface LabelSheetsProps {
  labels: LabelContent[];
  layout: LabelLayout;
  company: { name: string; logoSrc?: string };
  t: Messages;
}

/**
 * The A4 sheets as they print: one page each, labels in a grid of the layout's exact size.
 * On a phone a sheet is wider than the screen and its preview scrolls sideways: the
 * scrolling box is a named region in the tab order, so the arrow keys scroll it too.
 */
export function LabelSheets({ labels, layout, company, t }: LabelSheetsProps) {
  const l = t.labels;
  return (
    <div
      role="region"
      aria-label={l.preview}
      tabIndex={0}
      className="label-sheets relative -mx-3 flex flex-col items-center gap-6 overflow-x-auto bg-slate-200 p-3 focus-visible:outline-offset-[-2px] sm:mx-0 sm:rounded-lg"
    >
      {intoSheets(labels, layout).map((sheet, index) => (
        <section
          key={index}
          aria-label={format(l.sheetLabel, { number: index + 1 })}
          className="label-sheet shadow-lg"
          data-testid="label-sheet"
          style={{
            gridTemplateColumns: `repeat(${layout.columns}, ${layout.labelWidth}mm)`,
            gridTemplateRows: `repeat(${layout.rows}, ${layout.labelHeight}mm)`,
            padding: `${layout.marginTop}mm ${layout.marginLeft}mm`,
          }}
        >
          {sheet.map((label) => (
            <MachineLabel
              key={label.id}
              label={label}
              layout={layout}
              company={company}
              words={{ serial: l.serial, location: l.location, scan: l.scan, qrAlt: format(l.qrAlt, { url: label.url }) }}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
