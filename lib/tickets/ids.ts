import { utcToWallTime } from "../factory-time";

/** Machine part of a ticket id: "M007" for machine 7, stable and short enough for a phone card. */
export function machineCode(machineId: number): string {
  return `M${String(machineId).padStart(3, "0")}`;
}

/** YYYYMMDD of `date` as the factory's calendar shows it. */
export function factoryDay(date: Date, timeZone: string): string {
  return utcToWallTime(date, timeZone).date.replaceAll("-", "");
}

/** `PREFIX-M007-20261123-004`: prefix from settings, machine, factory day, sequence of that day. */
export function formatTicketId(prefix: string, machineId: number, day: string, sequence: number): string {
  return `${prefix}-${machineCode(machineId)}-${day}-${String(sequence).padStart(3, "0")}`;
}
