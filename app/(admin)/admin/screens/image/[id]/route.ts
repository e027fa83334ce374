import { getDb } from "@/lib/db/client";
import { can } from "@/lib/permissions";
import { requireRouteUser } from "@/lib/request";
import { broadcastImageResponse } from "@/lib/tv/broadcasts";

// A broadcast's image on the leads' page, whether it shows now or not (the screens fetch theirs under their link).
export async function GET(request: Request, { params }: RouteContext<"/admin/screens/image/[id]">) {
  const user = await requireRouteUser();
  if (user instanceof Response) return user;
  const id = Number((await params).id);
  if (!can(user, "broadcast.manage") || !Number.isInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  return broadcastImageResponse(request, await getDb(), id);
}
