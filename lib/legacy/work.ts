// Work: machines, tickets (their ids kept, TYP-MMYY-NNNN or older forms, so
// /tickets/<old id> opens them), their timelines, comments, photos, videos and
// voice notes, and the machine stops their history tells of.
import { nameKey } from "../accounts/names";
import { machineStatuses } from "../machines/model";
import { builtInColumns, isClosedStage, type BuiltInKey } from "../tickets/columns";
import { OVERDUE_STAGE, ticketPriorities, TEAM_ASSIGNEE } from "../tickets/model";
import { LEGACY_TEAM_ID, type PlanContext } from "./context";
import { flag, instant, int, rowsOf, text, words, type LegacyExport, type LegacyRow } from "./export";
import { addNote } from "./report";
import type { EventRow, TicketRow } from "./rows";

// ------------------------------------------------------------------ statuses

export interface BoardColumn {
  id: string;
  label: string;
}

/** The plant's board as the old system's admin arranged it (user_preferences "kanban_columns"): custom columns live there. */
export function boardColumns(source: LegacyExport): BoardColumn[] {
  for (const row of rowsOf(source, "user_preferences")) {
    if (text(row.pref_key) !== "kanban_columns") continue;
    try {
      const columns: unknown = JSON.parse(text(row.pref_value) ?? "");
      if (!Array.isArray(columns)) continue;
      return columns.flatMap((c: { id?: unknown; label?: unknown }) =>
        typeof c?.id === "string" ? [{ id: c.id, label: typeof c.label === "string" && c.label.trim() ? c.label.trim() : c.id }] : [],
      );
    } catch {
      // an unreadable preference: the next one, or none
    }
  }
  return [];
}

// An import writes into a new database: its columns are the built-in ones.
type TicketStatus = BuiltInKey;
const stageOfStandard = (status: string) => builtInColumns.find((column) => column.key === status)?.stage ?? null;
const isStandard = (status: string): status is TicketStatus => stageOfStandard(status) !== null;
const alerts = (status: string) => stageOfStandard(status) === OVERDUE_STAGE;
const isClosed = (status: string) => isClosedStage(stageOfStandard(status));

/**
 * Atelier's stage for a custom column: the standard column just before it on the
 * plant's board. Never one that raises overdue alerts (received, diagnostic): the
 * old system alerted on those two only, so a ticket that sat in a custom column
 * never alerted, and must not start to after the move; such a column goes to
 * "in progress", as does one whose place is unknown.
 */
export function closestStage(custom: string, columns: BoardColumn[]): TicketStatus {
  const at = columns.findIndex((c) => c.id === custom);
  for (let i = at - 1; i >= 0; i--) {
    const id = columns[i]!.id;
    if (isStandard(id)) return alerts(id) ? "in_progress" : id;
  }
  return "in_progress";
}

// ------------------------------------------------------------------ machines

const MACHINE_FIELDS = ["manufacturer", "year", "technical_specs", "operator_id"] as const;

function mapMachines(ctx: PlanContext): void {
  const source = rowsOf(ctx.source, "machines");
  const named = new Set(rowsOf(ctx.source, "tickets").map((t) => int(t.machine_id)));
  const serials = new Set<string>();
  const deleted: string[] = [];
  const kept: string[] = [];
  for (const row of source) {
    const id = int(row.id);
    if (id === null || id <= 0) continue;
    const type = words(row.machine_type) ?? "Machine";
    const label = [type, words(row.model)].filter(Boolean).join(" ");
    if (row.deleted_at) {
      if (!named.has(id)) {
        deleted.push(label);
        continue;
      }
      kept.push(label);
    }
    // Serial numbers are unique in Atelier: an empty one is none, and a repeated one is kept once.
    let serial = words(row.serial_number);
    if (serial && serials.has(serial.toLowerCase())) serial = null;
    if (serial) serials.add(serial.toLowerCase());
    const status = words(row.status) ?? "operational";
    const createdAt = instant(row.created_at) ?? ctx.now;
    ctx.rows.machines.push({
      id,
      machine_type: type,
      model: words(row.model),
      serial_number: serial,
      location: words(row.location),
      status: (machineStatuses as readonly string[]).includes(status) ? status : "operational",
      created_at: createdAt,
      updated_at: instant(row.updated_at) ?? createdAt,
      down_since: null,
      down_ticket_id: null,
    });
  }
  ctx.count("machines", source.length, ctx.rows.machines.length);
  addNote(ctx.report.notImported, "machinesDeleted", deleted.length, { items: deleted });
  addNote(ctx.report.imported, "deletedMachinesKept", kept.length, { items: kept });
  const dropped = MACHINE_FIELDS.map((field) => [field, source.filter((row) => words(row[field]) !== null).length] as const).filter(([, n]) => n > 0);
  addNote(ctx.report.notImported, "machineFields", dropped.length, { items: dropped.map(([field, n]) => `${field} (${n})`) });
}

// ------------------------------------------------------------------ tickets

interface CustomColumnUse {
  label: string;
  stage: TicketStatus;
  tickets: string[];
}

function mapTickets(ctx: PlanContext, columns: BoardColumn[]): Map<string, CustomColumnUse> {
  const source = rowsOf(ctx.source, "tickets");
  const machines = new Set(ctx.rows.machines.map((m) => m.id));
  const codes = new Set<string>();
  const custom = new Map<string, CustomColumnUse>();
  let team = 0;
  let unknownPriority = 0;
  for (const row of source) {
    const id = int(row.id);
    if (id === null || id <= 0) continue;
    let code = words(row.ticket_id) ?? `ANCIEN-${id}`;
    if (codes.has(code)) code = `${code}-${id}`;
    codes.add(code);

    const oldStatus = words(row.status) ?? "received";
    let status: TicketStatus;
    if (isStandard(oldStatus)) status = oldStatus;
    else {
      const use = custom.get(oldStatus) ?? {
        label: columns.find((c) => c.id === oldStatus)?.label ?? oldStatus,
        stage: closestStage(oldStatus, columns),
        tickets: [],
      };
      use.tickets.push(code);
      custom.set(oldStatus, use);
      status = use.stage;
    }
    const priority = words(row.priority) ?? "medium";
    if (!(ticketPriorities as readonly string[]).includes(priority)) unknownPriority++;

    const assignee = int(row.assigned_to);
    if (assignee === LEGACY_TEAM_ID) team++;
    const machine = int(row.machine_id);
    const createdAt = instant(row.created_at) ?? instant(row.updated_at) ?? ctx.now;
    ctx.rows.tickets.push({
      id,
      ticket_id: code,
      title: words(row.title) ?? code,
      description: text(row.description) ?? "",
      machine_id: machine !== null && machines.has(machine) ? machine : ctx.standInMachine(),
      status,
      priority: (ticketPriorities as readonly string[]).includes(priority) ? priority : "medium",
      reported_by: ctx.personOrStandIn(int(row.reported_by)),
      assigned_to: assignee === LEGACY_TEAM_ID ? TEAM_ASSIGNEE : ctx.person(assignee),
      scheduled_date: instant(row.scheduled_date),
      completed_at: instant(row.completed_at),
      deleted_at: instant(row.deleted_at) ?? (row.deleted_at ? ctx.now : null),
      created_at: createdAt,
      updated_at: instant(row.updated_at) ?? createdAt,
    });
    ctx.tickets.add(id);
  }
  ctx.count("tickets", source.length, ctx.rows.tickets.length);
  addNote(ctx.report.imported, "teamAssignee", team);
  addNote(ctx.report.imported, "unknownPriority", unknownPriority, { values: { priority: "medium" } });
  return custom;
}

// ------------------------------------------------------------------ timeline

/** What an old timeline line was: the old system wrote codes at first, then French sentences. */
function actionKind(action: string): "created" | "machine_down" | "machine_up" | null {
  const key = nameKey(action).replace(/[’']/g, " ");
  if (/^(created|ticket cree|creation|cree)$/.test(key)) return "created";
  if (/remise en service|machine_up|redemarr/.test(key)) return "machine_up";
  if (/mise a l arret|machine_down|a l arret/.test(key)) return "machine_down";
  return null;
}

interface TimelineResult {
  events: Omit<EventRow, "id">[];
  notes: number;
}

/** A status as the timeline shows it: Atelier's stages by their code, a custom column by its name. */
function statusValue(status: string, columns: BoardColumn[]): string {
  return isStandard(status) ? status : (columns.find((c) => c.id === status)?.label ?? status);
}

function mapTimeline(ctx: PlanContext, columns: BoardColumn[]): TimelineResult {
  const source = ctx.ticketRows("ticket_timeline");
  const events: Omit<EventRow, "id">[] = [];
  let notes = 0;
  let empty = 0;
  for (const { row, ticket } of source) {
    const at = instant(row.created_at) ?? ctx.now;
    const actor = ctx.person(int(row.user_id));
    const action = words(row.action) ?? "";
    const from = words(row.old_status);
    const to = words(row.new_status);
    const comment = words(row.comment);
    const base = { ticket_id: ticket, actor_id: actor, created_at: at };
    const kind = actionKind(action);
    if (kind) {
      // The creation's comment is the description (or "Ticket créé"), already on the ticket.
      events.push({ ...base, type: kind, from_value: null, to_value: null });
      continue;
    }
    if (to && from !== to) {
      events.push({ ...base, type: "status", from_value: from && statusValue(from, columns), to_value: statusValue(to, columns) });
      if (comment) {
        events.push({ ...base, type: "legacy_note", from_value: null, to_value: comment });
        notes++;
      }
      continue;
    }
    // Anything else ("Mise à jour", "Prise en charge", …) is kept in its own words.
    const note = [action, comment].filter(Boolean).join(" — ");
    if (!note) {
      empty++;
      continue;
    }
    events.push({ ...base, type: "legacy_note", from_value: null, to_value: note });
    notes++;
  }
  ctx.count("ticket_timeline", rowsOf(ctx.source, "ticket_timeline").length, source.length - empty);
  return { events, notes };
}

/**
 * The closing of each finished ticket whose old history lacks one, at its
 * completion date: Atelier's reliability figures count a ticket closed when a
 * status event takes it to Terminé or Archivé (lib/reliability/queries.ts).
 */
function closings(ctx: PlanContext, events: Omit<EventRow, "id">[]): Omit<EventRow, "id">[] {
  const byTicket = new Map<number, Omit<EventRow, "id">[]>();
  for (const e of events) byTicket.set(e.ticket_id, [...(byTicket.get(e.ticket_id) ?? []), e]);
  const added: Omit<EventRow, "id">[] = [];
  for (const ticket of ctx.rows.tickets) {
    if (!isClosed(ticket.status) || !ticket.completed_at) continue;
    const history = (byTicket.get(ticket.id) ?? []).filter((e) => e.type === "status");
    if (history.some((e) => e.to_value && isClosed(e.to_value))) continue;
    const lastOpen = [...history].reverse().find((e) => e.to_value && isStandard(e.to_value) && !isClosed(e.to_value))?.to_value;
    const assignee = ticket.assigned_to !== null && ticket.assigned_to !== TEAM_ASSIGNEE ? ticket.assigned_to : null;
    added.push({
      ticket_id: ticket.id,
      actor_id: assignee,
      type: "status",
      from_value: lastOpen ?? "in_progress",
      to_value: "completed",
      created_at: ticket.completed_at,
    });
  }
  return added;
}

// ------------------------------------------------------------------ machine stops

/**
 * The stops the history tells of: from "machine down" to "machine back up" on a
 * ticket; a ticket still marked down (is_machine_down) with no such line stopped
 * its machine when it was reported. A stop still running when its ticket was
 * closed or deleted ended then, as Atelier ends it (lib/tickets/downtime.ts). A
 * machine has one running stop at most: the earliest ticket holds it.
 */
function mapDowntimes(ctx: PlanContext, events: Omit<EventRow, "id">[], sourceTickets: Map<number, LegacyRow>): void {
  const marks = events.filter((e) => e.type === "machine_down" || e.type === "machine_up").sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  const running = new Set<number>();
  const stops = [];
  for (const ticket of ctx.rows.tickets) {
    const own = marks.filter((e) => e.ticket_id === ticket.id);
    let open: { at: Date; by: number } | null = null;
    const intervals: { at: Date; by: number; end: Date | null; endedBy: number | null }[] = [];
    for (const mark of own) {
      if (mark.type === "machine_down" && !open) open = { at: mark.created_at, by: mark.actor_id ?? ticket.reported_by };
      else if (mark.type === "machine_up" && open) {
        intervals.push({ ...open, end: mark.created_at, endedBy: mark.actor_id });
        open = null;
      }
    }
    if (!open && !intervals.length && flag(sourceTickets.get(ticket.id)?.is_machine_down)) open = { at: ticket.created_at, by: ticket.reported_by };
    if (open) {
      const end = ticket.deleted_at ?? (isClosed(ticket.status) ? (ticket.completed_at ?? ticket.updated_at) : null);
      intervals.push({ ...open, end, endedBy: null });
    }
    for (const interval of intervals) stops.push({ ticket, ...interval });
  }
  stops.sort((a, b) => a.at.getTime() - b.at.getTime());
  let open = 0;
  for (const stop of stops) {
    if (!stop.end) {
      if (running.has(stop.ticket.machine_id)) continue;
      running.add(stop.ticket.machine_id);
      const machine = ctx.rows.machines.find((m) => m.id === stop.ticket.machine_id)!;
      machine.down_since = stop.at;
      machine.down_ticket_id = stop.ticket.id;
      open++;
    }
    ctx.rows.machine_downtimes.push({
      id: ctx.rows.machine_downtimes.length + 1,
      machine_id: stop.ticket.machine_id,
      ticket_id: stop.ticket.id,
      started_at: stop.at,
      ended_at: stop.end,
      started_by: stop.by,
      ended_by: stop.end ? (stop.endedBy ?? stop.by) : null,
    });
  }
  addNote(ctx.report.imported, "downtimes", ctx.rows.machine_downtimes.length, { values: { open } });
}

// ------------------------------------------------------------------ comments and files

const VOICE = /\[audio:(\d+)\]/g;
/** The words the old system's comment box put before a voice note's marker. */
const VOICE_CAPTION = /^🎤\s*A ajouté un message vocal\s*$/u;

/** The declared types Atelier serves, as the old system (or a browser) spelled them. */
function declaredType(value: string | null): string {
  const type = (value ?? "").toLowerCase().split(";")[0]!.trim();
  return ({ "image/jpg": "image/jpeg", "image/heif": "image/heic", "audio/x-m4a": "audio/mp4", "audio/m4a": "audio/mp4" } as Record<string, string>)[type] ?? type;
}

function mapMedia(ctx: PlanContext): Set<number> {
  const keys = new Set<string>();
  const imported = new Set<number>();
  let unnamed = 0;
  for (const { row, id, ticket } of ctx.ticketRows("media")) {
    const key = words(row.file_key);
    // A row needs its id (the ticket's page serves /media/<id>) and a file of its own.
    if (id === null || !key || keys.has(key)) {
      unnamed++;
      continue;
    }
    keys.add(key);
    const type = declaredType(text(row.file_type));
    ctx.rows.media.push({
      id,
      ticket_id: ticket,
      file_key: key,
      file_name: words(row.file_name) ?? key.split("/").pop()!,
      file_type: type,
      file_size: int(row.file_size) ?? 0,
      uploaded_by: ctx.personOrStandIn(int(row.uploaded_by)),
      created_at: instant(row.created_at) ?? ctx.now,
      // The old system did not measure its recordings.
      duration: null,
    });
    ctx.files.push({ key, use: type.startsWith("audio/") ? "audio" : "media", table: "media", id });
    imported.add(id);
  }
  ctx.count("media", rowsOf(ctx.source, "media").length, imported.size);
  ctx.orphan("media", unnamed);
  return imported;
}

function mapComments(ctx: PlanContext, media: Set<number>): void {
  const unmatched = new Set<string>();
  let byName = 0;
  let written = 0;
  let voice = 0;
  let voiceMissing = 0;
  let voiceOnly = 0;
  for (const { row, id, ticket } of ctx.ticketRows("ticket_comments")) {
    let content = text(row.comment) ?? "";
    // "[audio:<media id>]": a voice note recorded in the comment box, which Atelier keeps
    // among the ticket's voice notes (the media row, imported above, is the note itself).
    const notes = [...content.matchAll(VOICE)].map((m) => Number(m[1]));
    if (notes.length) {
      for (const note of notes) if (media.has(note)) voice++;
      else voiceMissing++;
      content = content.replace(VOICE, "").trim();
      if (VOICE_CAPTION.test(content)) content = "";
      if (!content) {
        voiceOnly++;
        continue;
      }
    }
    if (!content.trim()) continue;
    const name = words(row.user_name);
    const author = ctx.people.byWrittenName(name);
    if (author !== null) byName++;
    else {
      written++;
      unmatched.add(name ?? "?");
    }
    const at = instant(row.created_at) ?? ctx.now;
    ctx.rows.ticket_comments.push({
      // Kept when it has one (nothing refers to a comment's id); else the next free one.
      id: id ?? Math.max(0, ...ctx.rows.ticket_comments.map((c) => c.id)) + 1,
      ticket_id: ticket,
      user_id: author ?? ctx.standInUser(),
      content,
      created_at: at,
      updated_at: at,
      author_name: author === null ? (name ?? "?") : null,
    });
  }
  ctx.count("ticket_comments", rowsOf(ctx.source, "ticket_comments").length, ctx.rows.ticket_comments.length + voiceOnly);
  addNote(ctx.report.imported, "commentsByName", byName);
  addNote(ctx.report.imported, "commentsWrittenName", written, { items: [...unmatched] });
  addNote(ctx.report.imported, "voiceComments", voice);
  addNote(ctx.report.notImported, "voiceMissing", voiceMissing);
}

// ------------------------------------------------------------------ all of it

export function mapWork(ctx: PlanContext): void {
  const columns = boardColumns(ctx.source);
  mapMachines(ctx);
  const custom = mapTickets(ctx, columns);
  const timeline = mapTimeline(ctx, columns);
  const closed = closings(ctx, timeline.events);
  const legacyColumns = [...custom.entries()].flatMap(([, use]) =>
    ctx.rows.tickets
      .filter((t) => use.tickets.includes(t.ticket_id))
      .map((t: TicketRow) => ({ ticket_id: t.id, actor_id: null, type: "legacy_column", from_value: use.label, to_value: use.stage, created_at: ctx.now })),
  );
  // Ids in the order things happened: the timeline reads (created_at, id).
  const events = [...timeline.events, ...closed, ...legacyColumns].sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  ctx.rows.ticket_events.push(...events.map((e, i) => ({ id: i + 1, ...e })));
  mapDowntimes(ctx, timeline.events, new Map(rowsOf(ctx.source, "tickets").map((row) => [int(row.id)!, row])));
  const media = mapMedia(ctx);
  mapComments(ctx, media);

  for (const [id, use] of custom) {
    addNote(ctx.report.imported, "customColumn", use.tickets.length, { values: { id, label: use.label, stage: use.stage }, items: use.tickets });
  }
  addNote(ctx.report.imported, "closingsAdded", closed.length);
  addNote(ctx.report.imported, "legacyNotes", timeline.notes);
}
