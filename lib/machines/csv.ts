// Machines to and from CSV. The import is two steps: a dry run that reports
// every problem with its line number, then the same file confirmed, which is
// checked again and written by one statement: all the machines or none.
import { z } from "zod";
import { changeAudited } from "../audit";
import { decodeCsvBytes, looksLikeText, normalizeHeader, parseCell, parseCsv, toCsv, type Separator } from "../csv/csv";
import { isUniqueViolation, sql, sqlDate } from "../db/sql";
import { type Db } from "../db/client";
import { messagesFor, locales, type Locale } from "../i18n";
import { defineOperation, refuse } from "../operation";
import { can, type Who } from "../permissions";
import { machineStatuses, type MachineStatus } from "./model";

const columns = ["machineType", "model", "serialNumber", "location", "status"] as const;
type Column = (typeof columns)[number];
const required: Column[] = ["machineType"];
export const MAX_FIELD_LENGTH = 120;
export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 512 * 1024;


export interface MachineDraft {
  line: number;
  machineType: string;
  model: string | null;
  serialNumber: string | null;
  location: string | null;
  status: MachineStatus;
}

/** A problem the UI words in its language (t.admin.data.csv[code] with these values). */
export interface ImportProblem {
  line: number;
  code: "unterminatedQuote" | "missingColumn" | "unknownColumn" | "tooManyRows" | "empty" | "required" | "tooLong" | "badStatus" | "duplicateInFile" | "duplicateExisting";
  column?: Column | string;
  value?: string;
  other?: number;
  max?: number;
}

export interface ImportCheck {
  machines: MachineDraft[];
  problems: ImportProblem[];
}

// Every spelling a header may have: the field name, snake_case, and the labels
// of both languages (so a French export imports into an English session).
const headerNames = new Map<string, Column>();
const statusNames = new Map<string, MachineStatus>();
for (const column of columns) {
  headerNames.set(normalizeHeader(column), column);
  for (const locale of locales) headerNames.set(normalizeHeader(messagesFor(locale).admin.csvColumns[column]), column);
}
for (const status of machineStatuses) {
  statusNames.set(normalizeHeader(status), status);
  for (const locale of locales) statusNames.set(normalizeHeader(messagesFor(locale).admin.machineStatus[status]), status);
}

/**
 * All machines in the reader's language: column labels and status names ("Hors
 * service", not out_of_service). The import reads either language's labels and
 * the codes, so the file goes back in as it came out.
 */
export async function exportMachinesCsv(db: Db, actor: Who, options: { separator: Separator; locale: Locale }): Promise<string> {
  if (!can(actor, "machine.view")) refuse("forbidden");
  const { csvColumns: labels, machineStatus } = messagesFor(options.locale).admin;
  const machines = await db.machine.findMany({ orderBy: { id: "asc" } });
  const status = (code: string) => machineStatus[code as MachineStatus] ?? code;
  const rows = machines.map((m) => [m.machineType, m.model ?? "", m.serialNumber ?? "", m.location ?? "", status(m.status)]);
  return toCsv([columns.map((c) => labels[c]), ...rows], options.separator);
}

/** Reads the file, checks every line and the serial numbers already in the database; writes nothing. */
export async function checkMachineCsv(db: Db, text: string): Promise<ImportCheck> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { machines: [], problems: [{ line: parsed.line, code: "unterminatedQuote" }] };
  const [header, ...records] = parsed.records;
  if (!header) return { machines: [], problems: [{ line: 1, code: "empty" }] };
  if (records.length > MAX_IMPORT_ROWS) return { machines: [], problems: [{ line: 1, code: "tooManyRows", max: MAX_IMPORT_ROWS }] };

  const problems: ImportProblem[] = [];
  const positions = new Map<Column, number>();
  header.fields.forEach((name, index) => {
    const column = headerNames.get(normalizeHeader(name));
    if (column) positions.set(column, index);
    else if (name.trim()) problems.push({ line: header.line, code: "unknownColumn", column: name.trim() });
  });
  for (const column of required) if (!positions.has(column)) problems.push({ line: header.line, code: "missingColumn", column });
  if (problems.length) return { machines: [], problems };
  if (records.length === 0) return { machines: [], problems: [{ line: header.line, code: "empty" }] };

  const machines: MachineDraft[] = [];
  const serialLines = new Map<string, number>();
  for (const record of records) {
    const cell = (column: Column) => {
      const index = positions.get(column);
      return index === undefined ? "" : parseCell(record.fields[index] ?? "").trim();
    };
    const lineProblems: ImportProblem[] = [];
    for (const column of columns) {
      const value = cell(column);
      if (value.length > MAX_FIELD_LENGTH) lineProblems.push({ line: record.line, code: "tooLong", column, max: MAX_FIELD_LENGTH });
    }
    const machineType = cell("machineType");
    if (!machineType) lineProblems.push({ line: record.line, code: "required", column: "machineType" });
    const statusText = cell("status");
    const status = statusText ? statusNames.get(normalizeHeader(statusText)) : "operational";
    if (!status) lineProblems.push({ line: record.line, code: "badStatus", column: "status", value: statusText });
    const serialNumber = cell("serialNumber") || null;
    if (serialNumber) {
      const earlier = serialLines.get(serialNumber);
      if (earlier) lineProblems.push({ line: record.line, code: "duplicateInFile", column: "serialNumber", value: serialNumber, other: earlier });
      else serialLines.set(serialNumber, record.line);
    }
    if (lineProblems.length) problems.push(...lineProblems);
    else
      machines.push({
        line: record.line,
        machineType,
        model: cell("model") || null,
        serialNumber,
        location: cell("location") || null,
        status: status!,
      });
  }

  // Serial numbers already in the database, looked up in chunks (D1: at most 100 bound parameters).
  const serials = [...serialLines.keys()];
  for (let i = 0; i < serials.length; i += 90) {
    const existing = await db.machine.findMany({
      where: { serialNumber: { in: serials.slice(i, i + 90) } },
      select: { serialNumber: true },
    });
    for (const { serialNumber } of existing) {
      const line = serialLines.get(serialNumber!)!;
      problems.push({ line, code: "duplicateExisting", column: "serialNumber", value: serialNumber! });
    }
  }
  const refused = new Set(problems.map((p) => p.line));
  problems.sort((a, b) => a.line - b.line);
  return { machines: machines.filter((m) => !refused.has(m.line)), problems };
}

const importedRow = z.object({
  machineType: z.string(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(machineStatuses),
});

const fileInput = z.object({ file: z.instanceof(File) });

async function readFile(file: File): Promise<string> {
  if (file.size === 0) refuse("fileMissing", { field: "file" });
  if (file.size > MAX_IMPORT_BYTES) refuse("fileTooLarge", { field: "file" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A photo or a spreadsheet given by mistake: said as such, not as "unknown column ÿØÿà".
  if (!looksLikeText(bytes)) refuse("fileNotText", { field: "file" });
  return decodeCsvBytes(bytes);
}

/** The dry run: nothing is written. Admins only, like the import itself. */
export const checkMachineImport = defineOperation({ input: fileInput, permission: "machine.manage" }, async ({ file }, { db }) =>
  checkMachineCsv(db, await readFile(file)),
);

/**
 * The confirmed import: the file is checked again (never trust the earlier dry
 * run), any problem refuses all of it, and the machines go in through one
 * INSERT ... SELECT over a JSON parameter, atomic on D1. A serial number added
 * meanwhile fails the unique index, so again nothing is written.
 */
export const importMachines = defineOperation(
  { input: fileInput, permission: "machine.manage" },
  async ({ file }, { db, user, now = new Date() }): Promise<number> => {
    const { machines, problems } = await checkMachineCsv(db, await readFile(file));
    if (problems.length) refuse("importInvalid");
    const rows = machines.map((m) => importedRow.parse(m));
    const at = sqlDate(now);
    try {
      await changeAudited(
        db,
        sql`
          INSERT INTO machines (machine_type, model, serial_number, location, status, created_at, updated_at)
          SELECT json_extract(value, '$.machineType'), json_extract(value, '$.model'), json_extract(value, '$.serialNumber'),
                 json_extract(value, '$.location'), json_extract(value, '$.status'), ${at}, ${at}
          FROM json_each(${JSON.stringify(rows)})`,
        [
          {
            actorId: user.id,
            action: "machine.imported",
            entityType: "machine",
            after: { count: rows.length, serialNumbers: rows.map((r) => r.serialNumber).filter(Boolean).slice(0, 200) },
          },
        ],
        now,
      );
    } catch (error) {
      if (isUniqueViolation(error)) refuse("importConflict");
      throw error;
    }
    return rows.length;
  },
);
