interface PageHeaderProps {
  title: string;
  intro?: string;
  /** A primary action shown beside the title (wraps below it on phones). */
  children?: React.ReactNode;
}

export function PageHeader({ title, intro, children }: PageHeaderProps) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {intro && <p className="text-slate-600">{intro}</p>}
      </div>
      {children}
    </div>
  );
}
