"use server";

import { getCloudflareContext } from "@opennextjs/cloudflare";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, refuseOnRule } from "@/lib/action";
import { MAX_LOGO_BYTES, removeLogo, replaceLogo } from "@/lib/logo";
import { settingsInput, updateSettings } from "@/lib/settings";

export const updateSettingsAction = authorizedAction(
  { input: settingsInput, permission: "settings.manage" },
  async (input, { db, user, t }) => {
    const changed = await refuseOnRule(t.admin.rules, () => updateSettings(db, user, input));
    revalidatePath("/", "layout");
    return { changed: changed.length };
  },
);

// The size is checked before the bytes are read, and again by lib/logo.ts.
const logoInput = z.object({ logo: z.instanceof(File).refine((file) => file.size <= MAX_LOGO_BYTES * 2) });

export const uploadLogoAction = authorizedAction(
  { input: logoInput, permission: "settings.manage" },
  async ({ logo }, { db, user, t }) => {
    const { env } = await getCloudflareContext({ async: true });
    const bytes = new Uint8Array(await logo.arrayBuffer());
    await refuseOnRule(t.admin.rules, () => replaceLogo(db, env.MEDIA, user, bytes));
    revalidatePath("/", "layout");
  },
);

export const removeLogoAction = authorizedAction({ input: z.unknown(), permission: "settings.manage" }, async (_input, { db, user }) => {
  const { env } = await getCloudflareContext({ async: true });
  await removeLogo(db, env.MEDIA, user);
  revalidatePath("/", "layout");
});
