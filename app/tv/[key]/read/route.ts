import { getDb } from "@/lib/db/client";
import { openScreen } from "@/lib/tv/screen";

const NO_STORE = { "cache-control": "private, no-store" };

// GET /tv/<secret>/read: what the screen shows, read again when the hub says something
// changed. No session: the link's secret is the screen's only key, and opens only this
// read, the page and the broadcasts' images (410 once revoked, 404 for no link at all).
export async function GET(_request: Request, { params }: RouteContext<"/tv/[key]/read">) {
  const screen = await openScreen(await getDb(), (await params).key);
  if (screen.state === "open") return Response.json(screen.view, { headers: NO_STORE });
  return Response.json({ revoked: true }, { status: screen.state === "revoked" ? 410 : 404, headers: NO_STORE });
}
