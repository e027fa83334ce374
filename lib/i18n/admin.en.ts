import type { Messages } from "./index";

export const adminEn: Messages["admin"] = {};
