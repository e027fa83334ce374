"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, authorizedAction, refuseOnRule } from "@/lib/action";
import { decodeCsvBytes } from "@/lib/csv";
import { checkMachineImport, importMachines, MAX_IMPORT_BYTES, type ImportCheck } from "@/lib/machines-csv";

const importInput = z.object({
  intent: z.enum(["check", "import"]),
  file: z.instanceof(File),
});

export type MachineImportResult =
  | { intent: "check"; valid: number; problems: ImportCheck["problems"]; preview: ImportCheck["machines"] }
  | { intent: "import"; imported: number };

/** Dry run ("check") or the confirmed import of the same file ("import"); the file is re-read and re-checked each time. */
export const machineImportAction = authorizedAction(
  { input: importInput, permission: "machine.manage" },
  async ({ intent, file }, { db, user, t }): Promise<MachineImportResult> => {
    if (file.size === 0) throw new ActionError(t.admin.rules.fileMissing, { file: t.admin.rules.fileMissing });
    if (file.size > MAX_IMPORT_BYTES) throw new ActionError(t.admin.rules.fileTooLarge, { file: t.admin.rules.fileTooLarge });
    const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    if (intent === "check") {
      const check = await refuseOnRule(t.admin.rules, () => checkMachineImport(db, user, text));
      return { intent, valid: check.machines.length, problems: check.problems.slice(0, 200), preview: check.machines.slice(0, 10) };
    }
    const imported = await refuseOnRule(t.admin.rules, () => importMachines(db, user, text));
    revalidatePath("/", "layout");
    return { intent, imported };
  },
);
