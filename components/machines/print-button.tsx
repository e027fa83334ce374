"use client";

/** Opens the browser's print dialog (the sheets carry their own print stylesheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
