import { addMediaAction, deleteMediaAction } from "@/app/(app)/tickets/actions";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { TextField } from "@/components/ui/fields";
import { format, type Messages } from "@/lib/i18n";
import { ACCEPTED_TYPES } from "@/lib/file-types";
import type { Actor } from "@/lib/operation";
import { can, canDeleteOwnedBy } from "@/lib/permissions";
import type { TicketDetails } from "@/lib/tickets/queries";
import { MediaViewer } from "./media-viewer";

export function TicketMedia({ details, user, t }: { details: TicketDetails; user: Actor; t: Messages }) {
  const m = t.tickets.media;
  return (
    <section aria-labelledby="media-title" className="space-y-3">
      <h2 id="media-title" className="text-lg font-semibold">{m.title} ({details.media.length})</h2>
      {details.media.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{m.empty}</p>
      ) : (
        <MediaViewer
          items={details.media.map((item) => ({
            id: item.id,
            name: item.fileName,
            video: item.fileType.startsWith("video/"),
            // Under its own photo: a list apart put "Supprimer « p2.png »" under the other one.
            remove: canDeleteOwnedBy(user, item.uploadedBy, "media") && (
              <ActionButton
                action={deleteMediaAction.bind(null, { id: item.id })}
                label={m.delete}
                aria-label={`${m.delete} « ${item.fileName} »`}
                confirm={{
                  question: format(m.deleteConfirm, { name: item.fileName }),
                  confirmLabel: t.tickets.confirm.yes,
                  cancelLabel: t.tickets.confirm.no,
                  danger: true,
                }}
                className="btn-ghost min-h-9 w-full text-sm text-red-700"
              />
            ),
          }))}
          labels={{ open: m.open, close: m.close, previous: m.previous, next: m.next, viewer: m.viewer, position: m.position }}
        />
      )}
      {can(user, "ticket.addMedia") && (
        <ActionForm action={addMediaAction} className="space-y-2" resetOnSuccess aria-label={m.add} failedMessage={t.errors.errorBody}>
          <input type="hidden" name="ticketId" value={details.ticket.id} />
          <TextField name="files" type="file" label={m.add} help={t.tickets.form.photosHelp} accept={ACCEPTED_TYPES} multiple />
          <SubmitButton pendingLabel={m.submitting}>{m.submit}</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
