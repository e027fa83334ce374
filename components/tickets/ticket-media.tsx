import { addMediaAction, deleteMediaAction, editVoiceNoteTranscriptAction } from "@/app/(app)/tickets/actions";
import { Icon } from "@/components/shell/icons";
import { ActionButton } from "@/components/ui/action-button";
import { AudioPlayer } from "@/components/ui/audio-player";
import { FilePicker } from "@/components/ui/file-picker";
import { OutboxForm } from "@/components/offline/outbox-form";
import { PendingItems } from "@/components/offline/pending-items";
import { SubmitButton } from "@/components/ui/form";
import { formatClock } from "@/lib/format";
import { format, type Messages } from "@/lib/i18n";
import { ACCEPTED_TYPES } from "@/lib/file-types";
import type { Actor } from "@/lib/operation";
import { can, canDeleteOwnedBy } from "@/lib/permissions";
import type { TicketDetails } from "@/lib/tickets/queries";
import { Transcript } from "@/components/voice/transcript";
import { TRANSCRIPT_STATUS, transcriptLabels } from "@/lib/voice/model";
import { LiveTickets } from "./live-tickets";
import { MediaViewer } from "./media-viewer";

type Media = TicketDetails["media"][number];

/** Photos and videos in the viewer, voice notes (from the action bar) as a list of players under them. */
export function TicketMedia({ details, user, t }: { details: TicketDetails; user: Actor; t: Messages }) {
  const m = t.tickets.media;
  const notes = details.media.filter((item) => item.fileType.startsWith("audio/"));
  const visual = details.media.filter((item) => !item.fileType.startsWith("audio/"));
  const remove = (item: Media, name: string) =>
    canDeleteOwnedBy(user, item.uploadedBy, "media") && (
      <ActionButton
        action={deleteMediaAction.bind(null, { id: item.id })}
        label={m.delete}
        aria-label={`${m.delete} « ${name} »`}
        confirm={{
          question: format(m.deleteConfirm, { name }),
          confirmLabel: t.tickets.confirm.yes,
          cancelLabel: t.tickets.confirm.no,
          danger: true,
        }}
        className="btn-ghost min-h-9 w-full text-sm text-red-700"
      />
    );
  return (
    <section aria-labelledby="media-title" className="space-y-3">
      <h2 id="media-title" className="text-lg font-semibold">{m.title} ({details.media.length})</h2>
      {/* [offline] Photos and voice notes this device still holds for the ticket. */}
      <PendingItems kind={["media", "voice"]} scope={details.ticket.id} />
      {details.media.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">{m.empty}</p>}
      {visual.length > 0 && (
        <MediaViewer
          // Under its own photo: a list apart put "Supprimer « p2.png »" under the other one.
          items={visual.map((item) => ({ id: item.id, name: item.fileName, video: item.fileType.startsWith("video/"), remove: remove(item, item.fileName) }))}
          labels={{ open: m.open, close: m.close, previous: m.previous, next: m.next, viewer: m.viewer, position: m.position }}
        />
      )}
      {notes.length > 0 && (
        <ul className="space-y-2" data-testid="voice-notes">
          {notes.map((note) => {
            const name = format(m.voiceNote, { name: note.uploader.name, duration: formatClock(note.duration ?? 0) });
            return (
              <li key={note.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-2" data-testid="voice-note-item">
                <AudioPlayer src={`/media/${note.id}`} seconds={note.duration ?? 0} label={name} labels={t.messages.composer} />
                <span className="text-sm text-slate-700">{note.uploader.name}</span>
                <span className="ml-auto">{remove(note, name)}</span>
                {note.transcriptStatus === TRANSCRIPT_STATUS.done && note.transcript && (
                  <div className="basis-full">
                    <Transcript
                      id={note.id}
                      text={note.transcript}
                      edited={note.transcriptEditedAt !== null}
                      editable={note.uploadedBy === user.id}
                      save={editVoiceNoteTranscriptAction}
                      labels={transcriptLabels(t)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* A note's text is on its way (lib/voice/jobs.ts): the page follows the tickets' changes until it
          arrives, and stops listening once no note awaits one. */}
      {notes.some((note) => note.transcriptStatus === TRANSCRIPT_STATUS.pending) && <LiveTickets />}
      {can(user, "ticket.addMedia") && (
        // [offline] Without a network the photos are kept on the device and sent when it returns.
        <OutboxForm kind="media" action={addMediaAction} draft={`media:${details.ticket.id}`} scope={details.ticket.id} subject={details.ticket.ticketId} className="space-y-2" aria-label={m.add}>
          <input type="hidden" name="ticketId" value={details.ticket.id} />
          <div className="space-y-1">
            <FilePicker
              name="files"
              label={m.add}
              icon={<Icon name="camera" className="h-5 w-5" />}
              help={t.tickets.form.photosHelp}
              accept={ACCEPTED_TYPES}
              multiple
              removeLabel={t.common.removeFile}
            />
          </div>
          <SubmitButton pendingLabel={m.submitting}>{m.submit}</SubmitButton>
        </OutboxForm>
      )}
    </section>
  );
}
