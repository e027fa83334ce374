import { notFound, redirect } from "next/navigation";
import { isGuest } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/request";
import { reportFromLabelPath } from "@/lib/machines/labels";

// A machine's QR label (/m/<id>): a phone camera opens it, so it is short, never
// changes, and leads in one step to the report form with the machine chosen,
// through sign-in when needed (the callback is checked by safeCallbackPath there).
// A page, not a route handler, so that an address naming no machine id gets the
// app's 404 page (a route's bare 404 reads as a broken response in a browser);
// an id with no machine behind it any more is for the form to say.
const MACHINE_ID = /^[1-9]\d{0,9}$/;

/** Thrown from the metadata too, so the tab takes the 404's own title (as app/(app)/[...missing] does). */
async function machineIdOf(params: PageProps<"/m/[machineId]">["params"]): Promise<number> {
  const { machineId } = await params;
  if (!MACHINE_ID.test(machineId)) notFound();
  return Number(machineId);
}

export async function generateMetadata({ params }: PageProps<"/m/[machineId]">) {
  await machineIdOf(params);
  return {};
}

export default async function MachineLabelPage({ params }: PageProps<"/m/[machineId]">): Promise<never> {
  const target = reportFromLabelPath(await machineIdOf(params));
  const user = await getCurrentUser();
  // A guest reports nothing: no machine exists for them (lib/permissions.ts).
  if (isGuest(user)) notFound();
  // A relative Location: the phone stays on the address it scanned, whatever host or proxy that was.
  redirect(user ? target : `/sign-in?callbackUrl=${encodeURIComponent(target)}`);
}
