// "Transcrire les notes vocales": off by default, a "voice.transcribe" row in the
// shared `settings` table. It means something only where the deployment has the
// AI binding (transcribe.ts): elsewhere nothing shows it and it cannot be turned on.
import { z } from "zod";
import type { Db } from "../db/client";
import { defineOperation, refuse } from "../operation";
import { settingsUnder, writeSettings } from "../settings/settings";
import { speechToText } from "./transcribe";

export const VOICE_KEY_PREFIX = "voice.";
/** The row's full key: the SQL of jobs.ts reads it too. */
export const TRANSCRIBE_SETTING = `${VOICE_KEY_PREFIX}transcribe`;

export async function isTranscriptionOn(db: Db): Promise<boolean> {
  const rows = await db.setting.findMany({ where: { key: TRANSCRIBE_SETTING }, select: { key: true, value: true } });
  return settingsUnder(VOICE_KEY_PREFIX, rows).transcribe === true;
}

/** The settings page's switch: a checkbox, sent as "on" when ticked and absent otherwise. */
export const transcriptionInput = z.object({ transcribe: z.literal("on").optional() });

/** Returns whether transcription is now on. */
export const updateTranscription = defineOperation({ input: transcriptionInput, permission: "settings.manage" }, async (input, ctx) => {
  const { db, user, now = new Date() } = ctx;
  // Without the binding no note could be transcribed: the switch would promise what cannot happen.
  if (!(await speechToText(ctx))) refuse("transcriptionUnavailable");
  const next = input.transcribe === "on";
  const current = await isTranscriptionOn(db);
  if (next === current) return next;
  await writeSettings(db, { transcribe: next }, {
    actorId: user.id,
    now,
    prefix: VOICE_KEY_PREFIX,
    audit: [{ actorId: user.id, action: "setting.changed", entityType: "setting", entityId: "voice", before: { transcribe: current }, after: { transcribe: next } }],
  });
  return next;
});
