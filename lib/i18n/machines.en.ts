import type { Messages } from "./index";

export const machinesEn: Messages["machines"] = {};
