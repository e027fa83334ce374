"use server";

import { performAsCurrentUser } from "@/lib/action";
import { checkMachineImport, importMachines, type ImportCheck } from "@/lib/machines/csv";

export type MachineImportResult =
  | { intent: "check"; valid: number; problems: ImportCheck["problems"]; preview: ImportCheck["machines"] }
  | { intent: "import"; imported: number };

/**
 * Dry run ("check") or the confirmed import of the same file ("import"); the file
 * is re-read and re-checked each time. Pages are rendered per request, so the
 * machines list shows the import on its next visit: nothing to revalidate.
 */
export async function machineImportAction(raw: unknown) {
  if (raw instanceof FormData && raw.get("intent") === "import") {
    const result = await performAsCurrentUser(importMachines, raw);
    return result.ok ? { ok: true as const, data: { intent: "import", imported: result.data } satisfies MachineImportResult } : result;
  }
  const result = await performAsCurrentUser(checkMachineImport, raw);
  if (!result.ok) return result;
  const check = result.data;
  return {
    ok: true as const,
    data: { intent: "check", valid: check.machines.length, problems: check.problems.slice(0, 200), preview: check.machines.slice(0, 10) } satisfies MachineImportResult,
  };
}
