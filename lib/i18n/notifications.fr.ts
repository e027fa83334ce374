// French strings for the notifications screens (see fr.ts for the conventions).
export const notificationsFr = {};
