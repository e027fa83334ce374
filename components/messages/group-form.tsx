import { createGroupAction } from "@/app/(app)/messages/actions";
import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { Locale, Messages } from "@/lib/i18n";
import { MAX_GROUP_NAME } from "@/lib/messages/model";
import { MemberPicker, type PickablePerson } from "./member-picker";

interface GroupFormProps {
  people: PickablePerson[];
  locale: Locale;
  labels: Messages["messages"]["groupForm"];
}

/** A new group: its name, then the people in it; sent, the group's conversation opens. */
export function GroupForm({ people, locale, labels }: GroupFormProps) {
  return (
    <ActionForm action={createGroupAction} className="space-y-5">
      <TextField name="name" label={labels.name} help={labels.nameHelp} maxLength={MAX_GROUP_NAME} autoComplete="off" required className="min-h-12" />
      <MemberPicker
        name="members"
        people={people}
        locale={locale}
        labels={{ legend: labels.members, search: labels.search, noMatch: labels.noMatch, chosen: labels.chosen, noneChosen: labels.noneChosen, nobody: labels.nobody }}
      />
      <SubmitButton pendingLabel={labels.creating} className="btn-primary min-h-12 w-full sm:w-auto">
        {labels.create}
      </SubmitButton>
    </ActionForm>
  );
}
