// French strings for the profile screens (see fr.ts for the conventions).
export const profileFr = {};
