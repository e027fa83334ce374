"use server";

import { revalidatePath } from "next/cache";
import { performAsCurrentUser } from "@/lib/action";
import { removeLogo, replaceLogo } from "@/lib/settings/logo";
import { updateSettings } from "@/lib/settings/settings";

// The company name, logo, language and time zone show on every page: the whole layout changed.
export async function updateSettingsAction(raw: unknown) {
  const result = await performAsCurrentUser(updateSettings, raw);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true as const, data: { changed: result.data.length } };
}

export async function uploadLogoAction(raw: unknown) {
  const result = await performAsCurrentUser(replaceLogo, raw);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function removeLogoAction(raw?: unknown) {
  const result = await performAsCurrentUser(removeLogo, raw ?? {});
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
