import type { Messages } from "./index";

export const ticketsEn: Messages["tickets"] = {};
