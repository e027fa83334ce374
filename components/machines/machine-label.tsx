import { qrDrawing, type LabelLayout } from "@/lib/machines/labels";

export interface LabelContent {
  id: number;
  name: string;
  location: string | null;
  serialNumber: string | null;
  url: string;
}

interface MachineLabelProps {
  label: LabelContent;
  layout: LabelLayout;
  company: { name: string; logoSrc?: string };
  words: { serial: string; location: string; scan: string; qrAlt: string };
}

/** One label: the QR code on the left, what the machine is on the right, the company at the top. */
export function MachineLabel({ label, layout, company, words }: MachineLabelProps) {
  const small = layout.labelHeight < 45;
  const padding = small ? 2 : 4;
  const qrSide = layout.labelHeight - 2 * padding;
  const { size, quietZone, path } = qrDrawing(label.url);
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
      <div className="flex min-w-0 flex-1 flex-col justify-between" style={{ fontSize: small ? "7pt" : "9.5pt", lineHeight: 1.2 }}>
        <div className="flex min-w-0 items-center gap-1 text-slate-700">
          {company.logoSrc && (
            // eslint-disable-next-line @next/next/no-img-element -- the private logo, served by our own route
            <img src={company.logoSrc} alt="" style={{ height: small ? "3.5mm" : "6mm", maxWidth: small ? "12mm" : "20mm", objectFit: "contain" }} />
          )}
          <span className="truncate font-semibold">{company.name}</span>
        </div>
        <div className="min-w-0">
          <p className="line-clamp-2 font-bold break-words" style={{ fontSize: small ? "9pt" : "13pt" }}>
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
        <p className="truncate text-slate-600" style={{ fontSize: small ? "6pt" : "8pt" }}>
          {words.scan} · #{label.id}
        </p>
      </div>
    </div>
  );
}
