import { performAsCurrentUser } from "@/lib/action";
import { goOnAssignment } from "@/lib/notifications/operations";
import { fromOwnOrigin } from "@/lib/request-origin";

// "J'y vais" from a phone's notification: public/sw.js has no server action to
// call, so it posts here, with the person's session cookie. Only from Atelier's
// own origin (the service worker's fetch says same-origin); the operation then
// checks the person may take and move the ticket, as on the board.
export async function POST(request: Request) {
  if (!fromOwnOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403 });
  const body = await request.json().catch(() => null);
  const result = await performAsCurrentUser(goOnAssignment, body);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.code === "signedOut" ? 401 : 409 });
  return Response.json({ url: `/tickets/${encodeURIComponent(result.data.ticketCode)}` });
}
