import { cache } from "react";
import { getDb } from "./db";
import { getSettings, type Settings } from "./settings";

/** Settings for this request: read once, however many components ask. */
export const getRequestSettings = cache(async (): Promise<Settings> => getSettings(await getDb()));
