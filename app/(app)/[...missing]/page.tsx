import { notFound } from "next/navigation";

// Every address no page answers lands here, inside the signed-in layout: its
// 404 (../not-found.tsx) is drawn in the shell the layout already renders, and a
// visitor who is not signed in goes to sign-in first. The root not-found then
// stays plain: Next renders it ahead on every request, in case a page calls
// notFound(), and a shell there cost every page a second header (about a
// quarter of the board's CPU time, measured with bench:board -- --cpu-only).

// Thrown from the metadata too, so the tab takes the 404's own title (as a missing machine's page does).
export function generateMetadata(): never {
  notFound();
}

export default function MissingPage(): never {
  notFound();
}
