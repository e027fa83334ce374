import Link from "next/link";

interface BrandProps {
  /** The company name from settings; "Atelier" before sign-in. */
  name?: string;
  /** The uploaded logo (served behind the session by app/logo/route.ts). */
  logoSrc?: string;
}

export function Brand({ name = "Atelier", logoSrc }: BrandProps) {
  return (
    <Link href="/" className="flex min-w-0 items-center gap-2 rounded-md font-semibold text-slate-900">
      {logoSrc ? (
        // A small, already-sized private image: next/image's optimizer adds nothing here.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logoSrc} alt="" className="h-8 max-w-24 object-contain" />
      ) : (
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 shrink-0 text-amber-600" fill="currentColor">
          <path d="M21.7 18.3 13.4 10a5.5 5.5 0 0 0-7-7L9.7 6.3 6.3 9.7 3 6.4a5.5 5.5 0 0 0 7 7l8.3 8.3a2.4 2.4 0 0 0 3.4-3.4Z" />
        </svg>
      )}
      <span className="max-w-48 truncate text-lg">{name}</span>
    </Link>
  );
}
