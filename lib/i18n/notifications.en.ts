import type { Messages } from "./index";

export const notificationsEn: Messages["notifications"] = {};
