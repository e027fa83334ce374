/**
 * Whether a POST comes from Atelier's own pages or service worker, as Next checks
 * for its server actions: worker.ts refuses every other write with a 403 (Next's own
 * refusal of an action is a thrown error, a 500), and the route handlers the service
 * worker posts to (it has no action to call) check it again, so another site cannot
 * make a signed-in browser post.
 */
export function fromOwnOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === new URL(request.url).host;
  } catch {
    return false;
  }
}
