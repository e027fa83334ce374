interface CardSectionProps {
  /** Used for the heading's id, which names the region for screen readers. */
  id: string;
  title?: string;
  children: React.ReactNode;
}

/** A white panel; with a title it is a named region (h2). */
export function CardSection({ id, title, children }: CardSectionProps) {
  return (
    <section aria-labelledby={title ? `${id}-heading` : undefined} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      {title && (
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}
