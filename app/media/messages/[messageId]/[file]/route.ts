import { getDb } from "@/lib/db/client";
import { getMediaBucket } from "@/lib/stored-files";
import { findReadableFile } from "@/lib/messages/queries";
import { requireRouteUser } from "@/lib/request";
import { fileResponse } from "@/lib/stored-files";

// A message's voice note (/media/messages/12/audio) or photo (/media/messages/12/34),
// served only to those who may read the message: the team channel to every
// signed-in user (whose account is in order: not while a temporary password awaits
// replacement), a private message to its two people, a group's to its members
// now (guests included). Anyone else gets the same 404 as for a file that does not exist.
export async function GET(request: Request, { params }: RouteContext<"/media/messages/[messageId]/[file]">) {
  const user = await requireRouteUser({ guests: true });
  if (user instanceof Response) return user;
  const { messageId, file } = await params;
  const id = Number(messageId);
  const found = Number.isInteger(id) && id > 0 ? await findReadableFile(await getDb(), user, id, file) : null;
  if (!found) return new Response("Not found", { status: 404 });
  return fileResponse(request, await getMediaBucket(), found);
}
