// The overdue record: every webhook the old system's cron sent, imported as
// sent (or failed) notifications with their attempt, so Atelier's sweep counts
// them (lib/webhooks/claims.ts: a ticket told of within the window is not told
// again) and the ticket's timeline and the admin's delivery log show them. The
// guides say to stop the old cron before the export: then nothing is sent twice.
import type { PlanContext } from "./context";
import { instant, int, rowsOf, text, words } from "./export";
import { addNote } from "./report";

export function mapOverdueRecord(ctx: PlanContext): void {
  const next = () => Math.max(0, ...rowsOf(ctx.source, "webhook_notifications").map((row) => int(row.id) ?? 0), ...ctx.rows.webhook_notifications.map((w) => w.id)) + 1;
  for (const { row, id: oldId, ticket } of ctx.ticketRows("webhook_notifications")) {
    const id = oldId ?? next();
    const status = int(row.response_status);
    const ok = status !== null && status >= 200 && status < 300;
    const at = instant(row.sent_at) ?? instant(row.created_at) ?? ctx.now;
    const body = text(row.response_body)?.slice(0, 1024) ?? null;
    // The old cron recorded a row even when it could not send ("NOT_CONFIGURED", status 0): a failure, here as there.
    const error = ok ? null : status ? `HTTP ${status}` : (body ?? "not sent");
    ctx.rows.webhook_notifications.push({
      id,
      ticket_id: ticket,
      notification_type: words(row.notification_type) ?? "overdue_scheduled",
      webhook_url: words(row.webhook_url) ?? "",
      webhook_id: `msg_legacy_${id}`,
      delivery_status: ok ? "sent" : "failed",
      attempts: 1,
      sent_at: ok ? at : null,
      last_attempt_at: at,
      response_status: status,
      response_body: body,
      last_error: error,
      created_at: instant(row.created_at) ?? at,
      updated_at: at,
    });
    ctx.rows.webhook_attempts.push({
      id: ctx.rows.webhook_attempts.length + 1,
      notification_id: id,
      attempt_number: 1,
      trigger: "cron",
      started_at: at,
      // The old system did not time its sends.
      duration_ms: 0,
      response_status: status,
      response_body: body,
      error,
    });
  }
  ctx.count("webhook_notifications", rowsOf(ctx.source, "webhook_notifications").length, ctx.rows.webhook_notifications.length);
  addNote(ctx.report.imported, "webhookRecord", ctx.rows.webhook_notifications.length);
}
