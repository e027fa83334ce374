import { getCurrentUser } from "@/lib/request";
import { reportFromLabelPath } from "@/lib/machines/labels";

// A machine's QR label (/m/<id>): a phone camera opens it, so it is short, never
// changes, and leads in one step to the report form with the machine chosen,
// through sign-in when needed (the callback is checked by safeCallbackPath there).
export async function GET(_request: Request, { params }: RouteContext<"/m/[machineId]">) {
  const { machineId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(machineId)) return new Response(null, { status: 404 });
  const target = reportFromLabelPath(Number(machineId));
  const user = await getCurrentUser();
  const location = user ? target : `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
  // A relative Location: the phone stays on the address it scanned, whatever host or proxy that was.
  return new Response(null, { status: 303, headers: { location, "cache-control": "private, no-store" } });
}
