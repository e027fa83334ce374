import { fitLabelText, PT_PER_MM, type FittedText } from "@/lib/machines/label-text";
import { labelMetrics, type LabelLayout } from "@/lib/machines/labels";
import type { QrDrawing } from "@/lib/machines/qr-code";

export interface LabelContent {
  id: number;
  name: string;
  location: string | null;
  serialNumber: string | null;
  url: string;
  qr: QrDrawing;
}

interface MachineLabelProps {
  label: LabelContent;
  layout: LabelLayout;
  company: { name: string; logoSrc?: string };
  words: { serial: string; location: string; scan: string; qrAlt: string };
}

// The PDF's fonts (label-pdf.ts), or fonts of the same widths: the words are fitted with their measures (label-text.ts).
const SANS = 'Helvetica, Arial, "Liberation Sans", sans-serif';
const MONO = '"Courier New", Courier, "Liberation Mono", monospace';

/** A fitted piece of text as CSS sets it: its size, and the browser breaking its lines where label-text.ts did. */
function fitted(text: FittedText): React.CSSProperties {
  return {
    fontSize: `${text.size}pt`,
    ...(text.anywhere ? { wordBreak: "break-all" } : { overflowWrap: "anywhere" }),
    // Only text no label could hold at the smallest size: its lines, the last one ending in "…".
    ...(text.cut ? { display: "-webkit-box", WebkitBoxOrient: "vertical", WebkitLineClamp: text.lines.length, overflow: "hidden" } : {}),
  };
}

/**
 * One label: the QR code on the left, what the machine is on the right, the company at the top.
 * Every word is shown whole: at its size when it fits, on two lines when not, smaller only as a
 * last resort (lib/machines/label-text.ts, the PDF's own rule).
 */
export function MachineLabel({ label, layout, company, words }: MachineLabelProps) {
  const { padding, qrSide, logo } = labelMetrics(layout);
  const { size, quietZone, path } = label.qr;
  const side = size + 2 * quietZone;
  // The logo's width depends on its image: its widest is assumed, so the company's name fits beside any logo.
  const logoBox = company.logoSrc ? { width: logo.maxWidth * PT_PER_MM, height: logo.height * PT_PER_MM } : undefined;
  const serial = label.serialNumber ? `${words.serial} ${label.serialNumber}` : null;
  const text = fitLabelText({ company: company.name, name: label.name, location: label.location, serial, footer: `${words.scan} · #${label.id}` }, layout, logoBox);
  return (
    <div
      className="machine-label flex items-stretch"
      data-testid="machine-label"
      style={{ width: `${layout.labelWidth}mm`, height: `${layout.labelHeight}mm`, padding: `${padding}mm`, gap: `${padding}mm`, fontFamily: SANS }}
    >
      <svg
        role="img"
        aria-label={words.qrAlt}
        data-url={label.url}
        viewBox={`0 0 ${side} ${side}`}
        shapeRendering="crispEdges"
        style={{ width: `${qrSide}mm`, height: `${qrSide}mm`, flex: "none" }}
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <div className="flex min-w-0 flex-1 flex-col justify-between" style={{ lineHeight: 1.2 }}>
        <div className="flex min-w-0 items-center gap-1 text-slate-700">
          {company.logoSrc && (
            // eslint-disable-next-line @next/next/no-img-element -- the private logo, served by our own route
            <img src={company.logoSrc} alt="" style={{ height: `${logo.height}mm`, maxWidth: `${logo.maxWidth}mm`, objectFit: "contain" }} />
          )}
          <p className="min-w-0 font-bold" style={fitted(text.company)}>
            {company.name}
          </p>
        </div>
        <div className="min-w-0">
          <p className="font-bold" style={fitted(text.name)}>
            {label.name}
          </p>
          {label.location && text.location && (
            <p style={fitted(text.location)}>
              <span className="sr-only">{words.location} : </span>
              {label.location}
            </p>
          )}
          {serial && text.serial && (
            <p style={{ ...fitted(text.serial), fontFamily: MONO }}>{serial}</p>
          )}
        </div>
        <p className="text-slate-600" style={fitted(text.footer)}>
          {words.scan} · #{label.id}
        </p>
      </div>
    </div>
  );
}
