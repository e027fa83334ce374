import { getCloudflareContext } from "@opennextjs/cloudflare";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/request";

// Photos and videos are private to the plant: served only to a signed-in user,
// and only while their ticket exists. The type comes from our row (checked by
// content at upload), never from the file name.
export async function GET(request: Request, { params }: RouteContext<"/media/[mediaId]">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const id = Number((await params).mediaId);
  if (!Number.isInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const media = await db.media.findFirst({
    where: { id, ticket: { deletedAt: null } },
    select: { fileKey: true, fileType: true, fileSize: true },
  });
  if (!media) return new Response("Not found", { status: 404 });

  const { env } = await getCloudflareContext({ async: true });
  const range = parseRange(request.headers.get("range"), media.fileSize);
  const object = await env.MEDIA.get(media.fileKey, range ? { range } : undefined);
  if (!object) return new Response("Not found", { status: 404 });

  const headers = new Headers({
    "Content-Type": media.fileType,
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
    "Accept-Ranges": "bytes",
  });
  if (!range) {
    headers.set("Content-Length", String(media.fileSize));
    return new Response(object.body, { headers });
  }
  // Videos seek with Range requests (Safari insists on them).
  headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${media.fileSize}`);
  headers.set("Content-Length", String(range.length));
  return new Response(object.body, { status: 206, headers });
}

function parseRange(header: string | null, size: number): { offset: number; length: number } | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (!match[1] && !match[2])) return null;
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start > end || start >= size) return null;
  return { offset: start, length: end - start + 1 };
}
