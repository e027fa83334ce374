"use client";

import { Icon } from "@/components/shell/icons";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/fields";
import { FilePicker } from "@/components/ui/file-picker";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n";

export interface BroadcastValues {
  id: number;
  text: string;
  urgency: string;
  /** datetime-local values, on the factory's clock. */
  startsAt: string;
  endsAt: string;
  /** The current image's address, when it has one. */
  image: string | null;
}

interface BroadcastFormProps {
  action: FormAction<{ id: number }>;
  /** Set: the form edits this broadcast. Otherwise it makes a new one, starting from `defaults`. */
  values?: BroadcastValues;
  defaults: { startsAt: string; endsAt: string };
  timeZone: string;
  maxText: number;
  labels: Messages["tv"]["admin"]["broadcasts"] & { urgencies: Messages["tv"]["urgencies"]; counter: string; overLimit: string; removeFile: string };
}

/** A broadcast's words, urgency, period and image: the same form to write one and to change it. */
export function BroadcastForm({ action, values, defaults, timeZone, maxText, labels }: BroadcastFormProps) {
  const editing = values !== undefined;
  const idPart = editing ? `-${values.id}` : "";
  return (
    <ActionForm action={action} successMessage={editing ? labels.saved : labels.created} resetOnSuccess={!editing} className="space-y-4" aria-label={editing ? labels.edit : labels.newHeading}>
      {editing && <input type="hidden" name="id" value={values.id} />}
      <TextAreaField
        id={`broadcast-text${idPart}`}
        name="text"
        label={labels.text}
        help={format(labels.textHelp, { max: maxText })}
        defaultValue={values?.text}
        rows={3}
        required
        limit={{ max: maxText, counter: labels.counter, over: labels.overLimit }}
      />
      <SelectField
        id={`broadcast-urgency${idPart}`}
        name="urgency"
        label={labels.urgency}
        defaultValue={values?.urgency ?? "info"}
        options={(["info", "warning", "urgent"] as const).map((u) => ({ value: u, label: labels.urgencies[u] }))}
      />
      <div className="space-y-1">
        {/* Side by side where both fit whole: a phone's date and time field is wide. */}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id={`broadcast-start${idPart}`} name="startsAt" type="datetime-local" label={labels.startsAt} defaultValue={values?.startsAt ?? defaults.startsAt} required />
          <TextField id={`broadcast-end${idPart}`} name="endsAt" type="datetime-local" label={labels.endsAt} defaultValue={values?.endsAt ?? defaults.endsAt} required />
        </div>
        <p className="text-sm text-slate-600">{format(labels.timesHelp, { timeZone })}</p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.image}</legend>
        {values?.image && (
          <div className="flex flex-wrap items-center gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own route, behind the session */}
            <img src={values.image} alt={labels.currentImage} className="h-16 max-w-32 rounded border border-slate-200 object-contain" />
            <CheckboxField id={`broadcast-remove${idPart}`} name="removeImage" label={labels.removeImage} />
          </div>
        )}
        <FilePicker
          id={`broadcast-image${idPart}`}
          name="image"
          label={labels.addImage}
          icon={<Icon name="attach" className="h-5 w-5" />}
          help={labels.imageHelp}
          accept="image/png,image/jpeg,image/webp"
          removeLabel={labels.removeFile}
        />
      </fieldset>
      <SubmitButton pendingLabel={editing ? labels.saving : labels.creating} className="btn-primary w-full sm:w-auto">
        {editing ? labels.save : labels.create}
      </SubmitButton>
    </ActionForm>
  );
}
