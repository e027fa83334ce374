// What does not carry over, said plainly: push subscriptions (a phone's keys are
// made for the old system's server), AI prompts, roles beyond the four, planning
// events (Atelier has no one-off events), old sessions, and every other table.
import type { PlanContext } from "./context";
import { int, rowsOf, text, words } from "./export";
import { legacyRoles } from "./people";
import { addNote } from "./report";

/** The old tables the import reads (the mapping steps); every other non-empty one is named in the report. */
const READ = new Set([
  "users",
  "machines",
  "tickets",
  "ticket_timeline",
  "ticket_comments",
  "media",
  "messages",
  "chat_conversations",
  "chat_participants",
  "chat_messages",
  "webhook_notifications",
  "system_settings",
  "push_subscriptions",
  "planning_events",
  "planner_notes",
  "roles",
]);

export function mapLeftovers(ctx: PlanContext, aiSettings: string[]): void {
  const { report, source } = ctx;
  const notes = report.notImported;
  addNote(notes, "sessions", 1);

  const push = rowsOf(source, "push_subscriptions");
  ctx.count("push_subscriptions", push.length, 0);
  addNote(notes, "pushSubscriptions", push.length, {
    items: push.map((row) => [ctx.people.get(int(row.user_id) ?? -1)?.name ?? `#${text(row.user_id)}`, words(row.device_name)].filter(Boolean).join(" – ")),
  });

  const contexts = ["users", "machines"].flatMap((table) =>
    rowsOf(source, table).filter((row) => words(row.ai_context)).map((row) => `${table}.ai_context #${text(row.id)}`),
  );
  addNote(notes, "aiPrompts", aiSettings.length + contexts.length, { items: [...aiSettings.map((key) => `system_settings.${key}`), ...contexts] });

  const roles = rowsOf(source, "roles");
  addNote(notes, "rolesBeyondFour", roles.length, {
    items: roles.map((row) => {
      const slug = words(row.slug) ?? "?";
      return `${slug} (${words(row.name) ?? slug}) → ${legacyRoles[slug] ?? "operator"}`;
    }),
  });

  const events = rowsOf(source, "planning_events").filter((row) => !row.deleted_at);
  ctx.count("planning_events", rowsOf(source, "planning_events").length, 0);
  addNote(notes, "planningEvents", events.length, {
    items: events.map((row) => {
      const when = [words(row.date), words(row.time)].filter(Boolean).join(" ");
      const what = [words(row.title), words(row.details)].filter(Boolean).join(" — ");
      return `${when} · ${what}`;
    }),
  });
  const plannerNotes = rowsOf(source, "planner_notes").filter((row) => !row.deleted_at);
  addNote(notes, "plannerNotes", plannerNotes.length);

  const others = Object.entries(source.tables)
    .filter(([name, table]) => !READ.has(name) && table.rows.length > 0)
    .map(([name, table]) => `${name} (${table.rows.length})`);
  addNote(notes, "otherTables", others.length, { items: others });
}
