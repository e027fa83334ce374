import type { Messages } from "./index";

export const profileEn: Messages["profile"] = {};
