"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/action";
import { removeLogo, replaceLogo } from "@/lib/settings/logo";
import { updateSettings } from "@/lib/settings/settings";
import { updateRetentionSettings } from "@/lib/retention/settings";
import { updateTranscription } from "@/lib/voice/settings";

// The company name, logo, language and time zone show on every page: the whole layout changed.
const everyPage = () => revalidatePath("/", "layout");

export const updateSettingsAction = serverAction(updateSettings, everyPage);
export const uploadLogoAction = serverAction(replaceLogo, everyPage);
export const removeLogoAction = serverAction(removeLogo, everyPage);
// Retention shows on this page only.
export const updateRetentionAction = serverAction(updateRetentionSettings, () => revalidatePath("/admin/settings"));
export const updateTranscriptionAction = serverAction(updateTranscription, () => revalidatePath("/admin/settings"));
