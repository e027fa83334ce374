import { NotFoundBody, notFoundMetadata } from "@/components/shell/not-found-body";

// A notFound() in this area (a missing machine, a page the role may not see): the
// layout already draws the shell, so only the 404's words go in it.
export const generateMetadata = notFoundMetadata;

export default function NotFound() {
  return <NotFoundBody signedIn />;
}
