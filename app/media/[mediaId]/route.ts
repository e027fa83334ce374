import { getDb } from "@/lib/db/client";
import { getMediaBucket } from "@/lib/stored-files";
import { asTicketReader, requireRouteUser } from "@/lib/request";
import { fileResponse } from "@/lib/stored-files";
import { visibleTicketsWhere } from "@/lib/tickets/model";

// Photos and videos are private to the plant: served only to a signed-in user
// whose account is in order (not while a temporary password awaits replacement),
// only while their ticket exists, and only to those who may see that ticket
// (a 404 otherwise, as for an unknown id).
export async function GET(request: Request, { params }: RouteContext<"/media/[mediaId]">) {
  const user = await requireRouteUser();
  if (user instanceof Response) return user;
  const id = Number((await params).mediaId);
  if (!Number.isInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const media = await db.media.findFirst({
    where: { id, ticket: { deletedAt: null, ...visibleTicketsWhere(await asTicketReader(user)) } },
    select: { fileKey: true, fileType: true, fileSize: true, fileName: true },
  });
  if (!media) return new Response("Not found", { status: 404 });
  return fileResponse(request, await getMediaBucket(), { key: media.fileKey, type: media.fileType, size: media.fileSize, name: media.fileName });
}
