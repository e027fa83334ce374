import type { ColumnColor } from "@/lib/tickets/columns";

// A column's colour as the pages draw it (the tokens are lib/tickets/columns.ts'):
// beside its name, never instead of it. Each shade keeps at least 3:1 against the
// white and slate-100 backgrounds it sits on (the TV's, on its dark ground), as
// WCAG asks of a graphic; the whole class names are written out so Tailwind sees them.
const onLight: Record<ColumnColor, string> = {
  slate: "bg-slate-600",
  blue: "bg-blue-600",
  cyan: "bg-cyan-700",
  teal: "bg-teal-700",
  green: "bg-green-700",
  amber: "bg-amber-700",
  orange: "bg-orange-600",
  red: "bg-red-600",
  pink: "bg-pink-600",
  violet: "bg-violet-600",
};

const onDark: Record<ColumnColor, string> = {
  slate: "bg-slate-400",
  blue: "bg-blue-400",
  cyan: "bg-cyan-400",
  teal: "bg-teal-400",
  green: "bg-green-400",
  amber: "bg-amber-400",
  orange: "bg-orange-400",
  red: "bg-red-400",
  pink: "bg-pink-400",
  violet: "bg-violet-400",
};

/** The band along a desktop column's top. */
export const columnTopBorder: Record<ColumnColor, string> = {
  slate: "md:border-t-slate-600",
  blue: "md:border-t-blue-600",
  cyan: "md:border-t-cyan-700",
  teal: "md:border-t-teal-700",
  green: "md:border-t-green-700",
  amber: "md:border-t-amber-700",
  orange: "md:border-t-orange-600",
  red: "md:border-t-red-600",
  pink: "md:border-t-pink-600",
  violet: "md:border-t-violet-600",
};

/** A column's colour as a dot, beside its name (hidden from screen readers: the name says it). */
export function ColumnSwatch({ color, dark = false, className = "h-3 w-3" }: { color: ColumnColor; dark?: boolean; className?: string }) {
  return <span aria-hidden="true" className={`inline-block shrink-0 rounded-full ${(dark ? onDark : onLight)[color] ?? onLight.slate} ${className}`} />;
}
