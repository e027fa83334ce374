// What the mapping steps share while they turn the old system's rows into
// Atelier's: the export, the rows written so far, the report, and who is who.
import { nameKey } from "../accounts/names";
import { int, rowsOf, type LegacyExport, type LegacyRow } from "./export";
import { addNote, type ImportReport } from "./report";
import { emptyRows, type FileRef, type Rows } from "./rows";

/** The old system's "whole team" placeholder (users.id 0), which Atelier's tickets.assigned_to keeps as 0. */
export const LEGACY_TEAM_ID = 0;

export interface Person {
  id: number;
  name: string;
  firstName: string | null;
  email: string;
}

/** The people imported, by their id (kept from the old system). */
export class People {
  private readonly byId = new Map<number, Person>();
  /** Who has each written form, compared as names are (nameKey): full name, first name, e-mail. */
  private readonly byKey = { name: new Map<string, number[]>(), firstName: new Map<string, number[]>(), email: new Map<string, number[]>() };

  add(person: Person): void {
    this.byId.set(person.id, person);
    for (const field of ["name", "firstName", "email"] as const) {
      const key = person[field] ? nameKey(person[field]) : "";
      if (key) this.byKey[field].set(key, [...(this.byKey[field].get(key) ?? []), person.id]);
    }
  }

  has(id: number | null): id is number {
    return id !== null && this.byId.has(id);
  }

  get(id: number): Person | undefined {
    return this.byId.get(id);
  }

  ids(): number[] {
    return [...this.byId.keys()];
  }

  /**
   * The one person a written name designates, or null when nobody or several
   * people do. The old system signed comments with the author's full name, or
   * with their first name or e-mail (its comment box wrote `first_name || email`).
   */
  byWrittenName(written: string | null): number | null {
    const key = written ? nameKey(written) : "";
    if (!key) return null;
    for (const field of ["name", "firstName", "email"] as const) {
      const matches = this.byKey[field].get(key) ?? [];
      if (matches.length === 1) return matches[0]!;
      if (matches.length > 1) return null;
    }
    return null;
  }
}

export const STAND_IN_NAME = "Ancien système";
const STAND_IN_EMAIL = "ancien-systeme@atelier.invalid";
const STAND_IN_MACHINE = "Machine de l’ancien système";

export class PlanContext {
  readonly rows: Rows = emptyRows();
  readonly files: FileRef[] = [];
  readonly people = new People();
  /** Imported tickets by their id (kept from the old system). */
  readonly tickets = new Set<number>();
  private readonly orphans: string[] = [];
  private orphanCount = 0;
  private standInUserId: number | null = null;
  private standInUserUses = 0;
  private standInMachineId: number | null = null;
  private standInMachineUses = 0;

  readonly source: LegacyExport;
  readonly now: Date;
  readonly report: ImportReport;

  // Plain assignments: scripts run this file with Node's type stripping, which has no parameter properties.
  constructor(source: LegacyExport, now: Date, report: ImportReport) {
    this.source = source;
    this.now = now;
    this.report = report;
  }

  /** A person's id when they were imported, else null (the team placeholder, a system account, a row gone). */
  person(id: number | null): number | null {
    return this.people.has(id) ? id : null;
  }

  /**
   * A person to hang a row on when its author is gone (a reporter, a comment's author):
   * one deactivated account, created the first time it is needed, that nobody signs in to.
   */
  standInUser(): number {
    this.standInUserUses++;
    if (this.standInUserId === null) {
      this.standInUserId = Math.max(0, ...this.rows.users.map((u) => u.id)) + 1;
      this.rows.users.push({
        id: this.standInUserId,
        email: STAND_IN_EMAIL,
        name: STAND_IN_NAME,
        role: "operator",
        // No password verifies against this (lib/accounts/password.ts accepts none of its form).
        password_hash: "!",
        active: 0,
        last_login_at: null,
        created_at: this.now,
        updated_at: this.now,
        must_change_password: 0,
        session_version: 0,
        name_key: nameKey(STAND_IN_NAME),
      });
    }
    return this.standInUserId;
  }

  /** The person `id` if imported, else the stand-in. */
  personOrStandIn(id: number | null): number {
    return this.person(id) ?? this.standInUser();
  }

  /** A machine for the tickets whose machine is gone from the export. */
  standInMachine(): number {
    this.standInMachineUses++;
    if (this.standInMachineId === null) {
      this.standInMachineId = Math.max(0, ...this.rows.machines.map((m) => m.id)) + 1;
      this.rows.machines.push({
        id: this.standInMachineId,
        machine_type: STAND_IN_MACHINE,
        model: null,
        serial_number: null,
        location: null,
        status: "out_of_service",
        created_at: this.now,
        updated_at: this.now,
        down_since: null,
        down_ticket_id: null,
      });
    }
    return this.standInMachineId;
  }

  /**
   * The rows of an old table that hang on a ticket (its `ticket_id`), each with its id and
   * ticket, when that ticket was imported; the others are counted as orphans (orphan()).
   */
  ticketRows(table: string): { row: LegacyRow; id: number | null; ticket: number }[] {
    const out = [];
    for (const row of rowsOf(this.source, table)) {
      const ticket = int(row.ticket_id);
      if (ticket !== null && this.tickets.has(ticket)) out.push({ row, id: int(row.id), ticket });
    }
    this.orphan(table, rowsOf(this.source, table).length - out.length);
    return out;
  }

  /** Rows of `table` left out because the ticket, person or conversation they belong to is not in the export. */
  orphan(table: string, count: number): void {
    if (!count) return;
    this.orphans.push(`${table} (${count})`);
    this.orphanCount += count;
  }

  /** Says in the report what the stand-ins were created for, and what was left out as orphaned; called once, at the end. */
  finish(): void {
    addNote(this.report.notImported, "orphanRows", this.orphanCount, { items: this.orphans });
    addNote(this.report.imported, "standInUser", this.standInUserUses, { values: { name: STAND_IN_NAME } });
    addNote(this.report.imported, "standInMachine", this.standInMachineUses, { values: { name: STAND_IN_MACHINE } });
  }

  /** Records how many rows of an old table were found and how many came across. */
  count(table: string, found: number, imported: number): void {
    this.report.counts.push({ table, found, imported });
  }
}
