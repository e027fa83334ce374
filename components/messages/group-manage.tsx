"use client";

import { addGroupMembersAction, leaveGroupAction, renameGroupAction } from "@/app/(app)/messages/actions";
import { ActionButton } from "@/components/ui/action-button";
import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { format } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import { MAX_GROUP_NAME } from "@/lib/messages/model";
import { MemberPicker, type PickablePerson } from "./member-picker";

type Words = Messages["messages"];

/** "Ajouter des membres" (leads): the people not in the group yet, to tick. */
export function AddMembersForm({ groupId, people, locale, t }: { groupId: number; people: PickablePerson[]; locale: Locale; t: Words }) {
  const f = t.groupForm;
  return (
    <ActionForm action={addGroupMembersAction} resetOnSuccess successMessage={(data) => format(t.membersPage.added, { count: data.added }, locale)} className="space-y-4">
      <input type="hidden" name="group" value={groupId} />
      <MemberPicker
        name="members"
        people={people}
        locale={locale}
        labels={{ legend: f.members, search: f.search, noMatch: f.noMatch, chosen: f.chosen, noneChosen: f.noneChosen, nobody: f.nobody }}
      />
      {people.length > 0 && (
        <SubmitButton pendingLabel={t.membersPage.adding} className="btn-primary min-h-12 w-full sm:w-auto">
          {t.membersPage.add}
        </SubmitButton>
      )}
    </ActionForm>
  );
}

/** "Renommer le groupe" (leads). */
export function RenameGroupForm({ groupId, name, t }: { groupId: number; name: string; t: Words }) {
  return (
    <ActionForm action={renameGroupAction} successMessage={(data) => format(t.membersPage.renamed, { name: data.name })} className="space-y-4">
      <input type="hidden" name="group" value={groupId} />
      <TextField name="name" label={t.groupForm.name} defaultValue={name} maxLength={MAX_GROUP_NAME} autoComplete="off" required className="min-h-12" />
      <SubmitButton pendingLabel={t.membersPage.renaming} className="btn-secondary min-h-12 w-full sm:w-auto">
        {t.membersPage.rename}
      </SubmitButton>
    </ActionForm>
  );
}

/** "Quitter le groupe" (any member), after a question that says the whole conversation goes with it. */
export function LeaveGroupButton({ groupId, name, t, cancelLabel }: { groupId: number; name: string; t: Words; cancelLabel: string }) {
  const p = t.membersPage;
  return (
    <ActionButton
      action={() => leaveGroupAction({ group: groupId })}
      label={p.leave}
      pendingLabel={p.leaving}
      confirm={{ question: format(p.leaveQuestion, { name }), confirmLabel: p.leave, cancelLabel, danger: true }}
      className="btn-danger min-h-12 w-full sm:w-auto"
    />
  );
}
