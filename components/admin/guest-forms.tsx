"use client";

import { endGuestAccessAction, inviteGuestAction, updateGuestAccessAction } from "@/app/(admin)/admin/users/actions";
import { ActionButton } from "@/components/ui/action-button";
import { MemberPicker, type PickablePerson } from "@/components/messages/member-picker";
import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { nextDay } from "@/lib/factory-time";
import { formatDay } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n";
import { format } from "@/lib/i18n/format";

/** A month from today, or the last day allowed if that is sooner: the invitation's first suggestion. */
function suggestedEnd({ min, max }: { min: string; max: string }): string {
  let day = min;
  for (let i = 0; i < 30 && day < max; i++) day = nextDay(day);
  return day;
}

interface GuestInviteFormProps {
  /** The days access may end on (lib/accounts/guest-access.ts), for the date field. */
  bounds: { min: string; max: string };
  /** The admin's own groups. */
  groups: PickablePerson[];
  locale: Locale;
  labels: Messages["admin"]["guestForm"];
}

/** The invitation: who, from which company, until when, in which groups, with a temporary password. */
export function GuestInviteForm({ bounds, groups, locale, labels }: GuestInviteFormProps) {
  return (
    <ActionForm action={inviteGuestAction} className="space-y-4">
      <TextField name="name" label={labels.name} maxLength={100} autoComplete="off" required />
      <TextField name="company" label={labels.company} maxLength={100} autoComplete="off" required />
      <TextField name="email" type="email" label={labels.email} maxLength={254} autoComplete="off" inputMode="email" required />
      <TextField name="expiresOn" type="date" label={labels.expiresOn} help={labels.expiresHelp} min={bounds.min} max={bounds.max} defaultValue={suggestedEnd(bounds)} required />
      {groups.length ? (
        <MemberPicker
          name="groups"
          people={groups}
          locale={locale}
          labels={{ legend: labels.groups, search: labels.groupsSearch, noMatch: labels.groupsNoMatch, chosen: labels.groupsChosen, noneChosen: labels.groupsNone, nobody: labels.noGroups }}
        />
      ) : (
        <p className="text-sm text-slate-600">{labels.noGroups}</p>
      )}
      <TextField name="password" type="text" label={labels.password} help={labels.passwordHint} autoComplete="new-password" minLength={10} spellCheck={false} required />
      <SubmitButton pendingLabel={labels.submitting} className="btn-primary w-full sm:w-auto">
        {labels.submit}
      </SubmitButton>
    </ActionForm>
  );
}

interface GuestAccessFormProps {
  guestId: number;
  company: string;
  /** The last day of access, as the date field holds it. */
  lastDay: string;
  bounds: { min: string; max: string };
  locale: Locale;
  labels: Messages["admin"]["guestAccess"] & { company: string; expiresOn: string; expiresHelp: string };
}

/** The guest's company and the day access ends: a later day extends it, and opens an ended one again. */
export function GuestAccessForm({ guestId, company, lastDay, bounds, locale, labels }: GuestAccessFormProps) {
  return (
    <ActionForm action={updateGuestAccessAction} successMessage={(data) => format(labels.saved, { day: formatDay(data.lastDay, locale) })} className="space-y-4">
      <input type="hidden" name="id" value={guestId} />
      <TextField name="company" label={labels.company} defaultValue={company} maxLength={100} autoComplete="off" required />
      <TextField name="expiresOn" type="date" label={labels.expiresOn} help={labels.expiresHelp} min={bounds.min} max={bounds.max} defaultValue={lastDay < bounds.min ? bounds.min : lastDay} required />
      <SubmitButton pendingLabel={labels.saving} className="btn-primary w-full sm:w-auto">
        {labels.save}
      </SubmitButton>
    </ActionForm>
  );
}

/** "Mettre fin à l'accès maintenant", after a question that says the sessions close at once. */
export function EndGuestAccessButton({ guestId, labels }: { guestId: number; labels: { end: string; ending: string; question: string; done: string; confirmLabel: string; cancelLabel: string } }) {
  return (
    <ActionButton
      action={() => endGuestAccessAction({ id: guestId })}
      label={labels.end}
      pendingLabel={labels.ending}
      confirm={{ question: labels.question, confirmLabel: labels.confirmLabel, cancelLabel: labels.cancelLabel, danger: true }}
      successMessage={labels.done}
      className="btn-danger"
    />
  );
}
