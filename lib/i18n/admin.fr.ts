// French strings for the admin screens (see fr.ts for the conventions).
export const adminFr = {};
