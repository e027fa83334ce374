import { getDb } from "@/lib/db/client";
import { broadcastImageResponse } from "@/lib/tv/broadcasts";
import { findScreenLink } from "@/lib/tv/links";

// A broadcast's image, for a screen in service, while the broadcast shows: nothing
// else in R2 (no ticket's photo, no message's) is reachable with a screen's link.
export async function GET(request: Request, { params }: RouteContext<"/tv/[key]/image/[id]">) {
  const { key, id } = await params;
  const db = await getDb();
  const broadcastId = Number(id);
  const link = await findScreenLink(db, key);
  if (!link || link.revoked || !Number.isInteger(broadcastId) || broadcastId <= 0) return new Response("Not found", { status: 404 });
  return broadcastImageResponse(request, db, broadcastId, new Date());
}
