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

/** One label: the QR code on the left, what the machine is on the right, the company at the top. */
export function MachineLabel({ label, layout, company, words }: MachineLabelProps) {
  const { padding, qrSide, fontSize, logo } = labelMetrics(layout);
  const { size, quietZone, path } = label.qr;
  const side = size + 2 * quietZone;
  return (
    <div
      className="machine-label flex items-stretch"
      data-testid="machine-label"
      style={{ width: `${layout.labelWidth}mm`, height: `${layout.labelHeight}mm`, padding: `${padding}mm`, gap: `${padding}mm` }}
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
      <div className="flex min-w-0 flex-1 flex-col justify-between" style={{ fontSize: `${fontSize.body}pt`, lineHeight: 1.2 }}>
        <div className="flex min-w-0 items-center gap-1 text-slate-700">
          {company.logoSrc && (
            // eslint-disable-next-line @next/next/no-img-element -- the private logo, served by our own route
            <img src={company.logoSrc} alt="" style={{ height: `${logo.height}mm`, maxWidth: `${logo.maxWidth}mm`, objectFit: "contain" }} />
          )}
          <span className="truncate font-semibold">{company.name}</span>
        </div>
        <div className="min-w-0">
          <p className="line-clamp-2 font-bold break-words" style={{ fontSize: `${fontSize.name}pt` }}>
            {label.name}
          </p>
          {label.location && (
            <p className="truncate">
              <span className="sr-only">{words.location} : </span>
              {label.location}
            </p>
          )}
          {label.serialNumber && (
            <p className="truncate font-mono">
              {words.serial} {label.serialNumber}
            </p>
          )}
        </div>
        <p className="truncate text-slate-600" style={{ fontSize: `${fontSize.footer}pt` }}>
          {words.scan} · #{label.id}
        </p>
      </div>
    </div>
  );
}
