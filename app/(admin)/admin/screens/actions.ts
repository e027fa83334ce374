"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/action";
import { createBroadcast, deleteBroadcast, updateBroadcast } from "@/lib/tv/broadcasts";
import { createScreenLink, revokeScreenLink, updateScreenLink } from "@/lib/tv/links";

// The screens' page lists what these change; the screens themselves hear it through the hub.
const thisPage = () => revalidatePath("/admin/screens");

export const createBroadcastAction = serverAction(createBroadcast, thisPage);
export const updateBroadcastAction = serverAction(updateBroadcast, thisPage);
export const deleteBroadcastAction = serverAction(deleteBroadcast, thisPage);
/** Its result holds the link, shown once by the page (components/tv/screen-links.tsx). */
export const createScreenLinkAction = serverAction(createScreenLink, thisPage);
export const updateScreenLinkAction = serverAction(updateScreenLink, thisPage);
export const revokeScreenLinkAction = serverAction(revokeScreenLink, thisPage);
