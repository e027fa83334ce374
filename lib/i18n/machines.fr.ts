// French strings for the machines screens (see fr.ts for the conventions).
export const machinesFr = {};
