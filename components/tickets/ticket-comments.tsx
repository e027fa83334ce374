import { addCommentAction, deleteCommentAction, editCommentAction } from "@/app/(app)/tickets/actions";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { TextAreaField } from "@/components/ui/fields";
import { OutboxForm } from "@/components/offline/outbox-form";
import { PendingItems } from "@/components/offline/pending-items";
import { formatDateTime } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { Actor } from "@/lib/operation";
import { can, canDeleteOwnedBy, isRole } from "@/lib/permissions";
import { MAX_TICKET_TEXT } from "@/lib/tickets/model";
import type { TicketDetails } from "@/lib/tickets/queries";

interface TicketCommentsProps {
  details: TicketDetails;
  user: Actor;
  locale: Locale;
  timeZone: string;
  t: Messages;
}

/** The new comment's box: the action bar's "Commenter" goes there. */
export const NEW_COMMENT_FIELD = "new-comment";

/** Oldest first, newest last, like a conversation; the text is rendered as text, never as HTML. */
export function TicketComments({ details, user, locale, timeZone, t }: TicketCommentsProps) {
  const c = t.tickets.comments;
  const limit = { max: MAX_TICKET_TEXT, counter: t.common.counter, over: t.common.overLimit };
  const edited = new Set(details.events.filter((e) => e.type === "comment_edited").map((e) => e.toValue));
  return (
    <section aria-labelledby="comments-title" className="space-y-3">
      <h2 id="comments-title" className="text-lg font-semibold">{c.title} ({details.comments.length})</h2>
      {details.comments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{c.empty}</p>
      ) : (
        <ol className="space-y-3" data-testid="comments">
          {details.comments.map((comment) => (
            <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-sm text-slate-600">
                {/* A comment brought from the old system signed by a name no one person has keeps that name (lib/legacy/). */}
                <span className="font-medium text-slate-900">{comment.authorName ?? comment.user.name}</span>
                {/* The role beside the name: who wrote it, not only what they are called. */}
                {!comment.authorName && isRole(comment.user.role) && <span data-testid="comment-role"> · {t.roles[comment.user.role]}</span>} ·{" "}
                <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, locale, timeZone)}</time>
                {edited.has(String(comment.id)) && <span> · {c.edited}</span>}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{comment.content}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                {comment.userId === user.id && (
                  <details className="w-full">
                    <summary className="btn-ghost min-h-9 cursor-pointer text-sm">{c.edit}</summary>
                    <ActionForm action={editCommentAction} className="mt-2 space-y-2">
                      <input type="hidden" name="id" value={comment.id} />
                      <TextAreaField id={`comment-${comment.id}`} name="content" label={c.editLabel} defaultValue={comment.content} limit={limit} />
                      <SubmitButton pendingLabel={t.tickets.form.saving}>{t.tickets.form.save}</SubmitButton>
                    </ActionForm>
                  </details>
                )}
                {canDeleteOwnedBy(user, comment.userId, "comment") && (
                  <ActionButton
                    action={deleteCommentAction.bind(null, { id: comment.id })}
                    label={c.delete}
                    confirm={{ question: c.deleteConfirm, confirmLabel: t.tickets.confirm.yes, cancelLabel: t.tickets.confirm.no, danger: true }}
                    className="btn-ghost min-h-9 text-sm text-red-700"
                  />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {/* [offline] Comments this device still holds. */}
      <PendingItems kind="comment" scope={details.ticket.id} />
      {can(user, "ticket.comment") && (
        // [offline] Kept on the device without a network, its text kept as a draft (components/offline/).
        <OutboxForm kind="comment" action={addCommentAction} draft={`comment:${details.ticket.id}`} scope={details.ticket.id} subject={details.ticket.ticketId} className="space-y-2" aria-label={c.add}>
          <input type="hidden" name="ticketId" value={details.ticket.id} />
          <TextAreaField id={NEW_COMMENT_FIELD} name="content" label={c.label} rows={3} limit={limit} required />
          <SubmitButton pendingLabel={c.submitting}>{c.submit}</SubmitButton>
        </OutboxForm>
      )}
    </section>
  );
}
