import { getCloudflareContext } from "@opennextjs/cloudflare";
import { contentTypeOfKey } from "@/lib/settings/logo";
import { getRequestSettings } from "@/lib/request";
import { getCurrentUser } from "@/lib/request";

// The header's logo, for signed-in users only. The URL carries the object key
// (?v=), so a new logo gets a new URL and the old one may be cached.
export async function GET() {
  if (!(await getCurrentUser())) return new Response(null, { status: 401 });
  const { logoKey } = await getRequestSettings();
  if (!logoKey) return new Response(null, { status: 404 });
  const { env } = await getCloudflareContext({ async: true });
  const object = await env.MEDIA.get(logoKey);
  if (!object) return new Response(null, { status: 404 });
  return new Response(object.body, {
    headers: {
      "content-type": contentTypeOfKey(logoKey),
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
