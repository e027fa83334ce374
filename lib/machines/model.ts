// What a machine is: its statuses and how people name it on the floor.
export const machineStatuses = ["operational", "maintenance", "out_of_service"] as const;
export type MachineStatus = (typeof machineStatuses)[number];

export interface MachineSummary {
  id: number;
  machineType: string;
  model: string | null;
  serialNumber: string | null;
  location: string | null;
  status: string;
}

export const summarySelect = { id: true, machineType: true, model: true, serialNumber: true, location: true, status: true } as const;

/** "Tour CNC Haas ST-20": how people name a machine on the floor. */
export function machineLabel(machine: { machineType: string; model: string | null }): string {
  return [machine.machineType, machine.model].filter(Boolean).join(" ");
}

/**
 * machineLabel as SQL over the machines row aliased `alias`, for queries that
 * read it beside other tables' columns; tests/integration/machine-label.test.ts
 * proves the two forms equal.
 */
export function machineLabelSql(alias: string): string {
  const type = `NULLIF(${alias}.machine_type, '')`;
  const model = `NULLIF(${alias}.model, '')`;
  return `COALESCE(${type} || ' ' || ${model}, ${type}, ${model}, '')`;
}
