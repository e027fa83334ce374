import Link from "next/link";

export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-amber-600" fill="currentColor">
        <path d="M21.7 18.3 13.4 10a5.5 5.5 0 0 0-7-7L9.7 6.3 6.3 9.7 3 6.4a5.5 5.5 0 0 0 7 7l8.3 8.3a2.4 2.4 0 0 0 3.4-3.4Z" />
      </svg>
      <span className="text-lg">Atelier</span>
    </Link>
  );
}
