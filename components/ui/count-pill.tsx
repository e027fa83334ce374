/** What a pill shows for a count: the number, and "99+" beyond 99 (a pill is not a counter). */
export function pillText(count: number): string {
  return count > 99 ? "99+" : String(count);
}

interface CountPillProps {
  count: number;
  /** The colours (background and text), and a position when the pill sits on something. */
  className: string;
  /** Said instead of the bare number (“12 messages non lus”); the pill itself is then hidden from screen readers. */
  label?: string;
  "data-testid"?: string;
}

/**
 * A count as one pill, on one line whatever its width: no wrapping inside (a pill
 * placed on a tab's corner has no width of its own to wrap in), at least as wide
 * as it is tall, digits of equal width.
 */
export function CountPill({ count, className, label, "data-testid": testId }: CountPillProps) {
  const pill = `relative inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full px-1.5 text-xs leading-none font-semibold whitespace-nowrap tabular-nums ${className}`;
  if (label === undefined) {
    return (
      <span className={pill} data-testid={testId}>
        {pillText(count)}
      </span>
    );
  }
  return (
    <span className={pill} data-testid={testId}>
      <span aria-hidden="true">{pillText(count)}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
