import { NotFoundBody, notFoundMetadata } from "@/components/shell/not-found-body";

// The last-resort 404, outside every layout. Unknown addresses are answered by
// app/(app)/[...missing] inside the shell, and a notFound() in the signed-in
// areas by their own not-found; this one is kept plain on purpose, because Next
// renders it on every request (see app/(app)/[...missing]/page.tsx).
export const generateMetadata = notFoundMetadata;

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="px-4 outline-none">
      <NotFoundBody />
    </main>
  );
}
