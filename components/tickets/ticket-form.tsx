import { OutboxForm } from "@/components/offline/outbox-form";
import { SubmitButton } from "@/components/ui/form";
import { Icon } from "@/components/shell/icons";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/fields";
import { FilePicker } from "@/components/ui/file-picker";
import { DictationButton, type DictationLabels } from "@/components/ui/dictation-button";
import { createTicketAction } from "@/app/(app)/tickets/actions";
import type { Locale, Messages } from "@/lib/i18n";
import { intlLocale } from "@/lib/intl";
import { ACCEPTED_TYPES } from "@/lib/file-types";
import { MAX_SENTENCE, MAX_TICKET_TEXT, MAX_TICKET_TITLE, ticketPriorities } from "@/lib/tickets/model";
import type { SentenceReportView } from "@/lib/tickets/sentence-report";
import { MachineField } from "./machine-field";
import { SentenceField } from "./sentence-field";

interface TicketFormProps {
  machines: { id: number; label: string }[];
  machineId?: number;
  /** Said under the machine field: the address named a machine that does not exist. */
  machineNotice?: string;
  /** "Créer un ticket" on a message: its photos go with the report (its text fills the form: `fill`). */
  fromMessage?: { id: number; photoIds: number[] };
  /** What the page filled in from a sentence (/tickets/new?texte=…, kept in the sentence field) or a message. */
  fill?: { view: SentenceReportView; from: "sentence" | "message"; sentence?: string };
  /** Opened from a machine's QR label: the camera comes first, the machine is already chosen. */
  cameraFirst?: boolean;
  t: Messages;
  locale: Locale;
}

/** Reporting a problem: made for a phone held in one hand, camera included. */
export function TicketForm({ machines, machineId, machineNotice, fromMessage, fill, cameraFirst, t, locale }: TicketFormProps) {
  const f = t.tickets.form;
  const lang = intlLocale(locale);
  const dictation = (start: string): DictationLabels => ({ ...t.tickets.dictation, start });
  // Two pickers: the camera straight away, or photos and videos already taken. Each
  // its own field, so that a refused file is said on the picker it came from.
  const camera = (
    <div className="space-y-1">
      <FilePicker
        name="camera"
        label={cameraFirst ? t.labels.camera : f.camera}
        icon={<Icon name="camera" className="h-5 w-5" />}
        accept="image/*"
        capture="environment"
        removeLabel={t.common.removeFile}
        buttonClassName={cameraFirst ? "btn-primary w-full gap-2 sm:w-auto" : "btn-secondary w-full gap-2 sm:w-auto"}
      />
    </div>
  );
  return (
    // [offline] Kept on the device without a network, its text kept as a draft (components/offline/).
    <OutboxForm kind="report" action={createTicketAction} draft={draftName(fromMessage, fill)} className="space-y-4" aria-label={t.tickets.create.title}>
      {fromMessage && <input type="hidden" name="fromMessage" value={fromMessage.id} />}
      {cameraFirst && camera}
      <SentenceField
        initial={fill && { view: fill.view, from: fill.from }}
        chosenMachine={machineId}
        defaultValue={fill?.sentence}
        lang={lang}
        limit={{ max: MAX_SENTENCE, counter: t.common.counter, over: t.common.overLimit }}
        labels={{
          ...t.tickets.sentence,
          fields: { title: f.title, description: f.description, machineId: f.machine, priority: f.priority },
          priorities: t.priority,
          dictation: dictation(t.tickets.dictation.sentence),
        }}
      />
      <TextField name="title" label={f.title} help={f.titleHelp} required maxLength={MAX_TICKET_TITLE} autoComplete="off" defaultValue={fill?.view.title} />
      <MachineField
        machines={machines}
        machineId={machineId}
        notice={machineNotice}
        labels={{
          machine: f.machine,
          chooseMachine: f.chooseMachine,
          openTickets: t.tickets.create.openTickets,
          openTicketsHelp: t.tickets.create.openTicketsHelp,
          noOpenTickets: t.tickets.create.noOpenTickets,
          offline: t.tickets.create.openTicketsOffline,
          failed: t.tickets.create.openTicketsFailed,
        }}
      />
      <SelectField
        name="priority"
        label={f.priority}
        defaultValue={fill?.view.priority ?? "medium"}
        options={ticketPriorities.map((p) => ({ value: p, label: t.priority[p] }))}
      />
      <CheckboxField name="machineDown" label={t.tickets.down.field} help={t.tickets.down.fieldHelp} className="rounded-md border border-slate-200 bg-white p-3" />
      <div>
        <TextAreaField name="description" label={f.description} help={f.descriptionHelp} limit={{ max: MAX_TICKET_TEXT, counter: t.common.counter, over: t.common.overLimit }} rows={5} defaultValue={fill?.view.description} />
        <DictationButton target="field-description" lang={lang} labels={dictation(t.tickets.dictation.description)} className="mt-2" />
      </div>
      {fromMessage && fromMessage.photoIds.length > 0 && (
        <div className="space-y-1" data-testid="message-photos">
          <p className="text-sm font-medium text-slate-800">{f.messagePhotos}</p>
          <div className="flex flex-wrap gap-2">
            {fromMessage.photoIds.map((photoId) => (
              // eslint-disable-next-line @next/next/no-img-element -- private R2 files, served by our own route
              <img key={photoId} src={`/media/messages/${fromMessage.id}/${photoId}`} alt="" className="h-20 w-20 rounded object-cover" />
            ))}
          </div>
        </div>
      )}
      <div className="space-y-1">
        <FilePicker
          name="photos"
          label={f.photos}
          icon={<Icon name="attach" className="h-5 w-5" />}
          help={f.photosHelp}
          accept={ACCEPTED_TYPES}
          multiple
          removeLabel={t.common.removeFile}
          buttonClassName="btn-secondary w-full gap-2 sm:w-auto"
        />
      </div>
      {!cameraFirst && camera}
      <SubmitButton pendingLabel={f.submitting} className="btn-primary w-full sm:w-auto">
        {f.submit}
      </SubmitButton>
    </OutboxForm>
  );
}

/**
 * Where the form's text is kept: per message, per sentence the address brought
 * (a leftover draft of another report never overwrites what ?texte= filled in), or
 * the one report draft.
 */
function draftName(fromMessage: TicketFormProps["fromMessage"], fill: TicketFormProps["fill"]) {
  if (fromMessage) return `report:message:${fromMessage.id}`;
  return fill?.sentence ? `report:said:${fill.sentence.slice(0, 200)}` : "report";
}
