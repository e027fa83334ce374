// French strings for the tickets screens (see fr.ts for the conventions).
export const ticketsFr = {};
