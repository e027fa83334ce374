import Link from "next/link";

interface PaginationProps {
  page: number;
  pages: number;
  /** The URL of a page number, keeping the other query parameters. */
  href: (page: number) => string;
  labels: { page: string; previous: string; next: string; nav: string };
}

export function Pagination({ page, pages, href, labels }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? <Link href={href(page - 1)} className="btn-secondary">{labels.previous}</Link> : <span />}
      <p className="text-sm text-slate-600" aria-current="page">{labels.page}</p>
      {page < pages ? <Link href={href(page + 1)} className="btn-secondary">{labels.next}</Link> : <span />}
    </nav>
  );
}
