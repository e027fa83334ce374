import { SelectField, TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";

interface UserFormProps {
  action: FormAction<unknown>;
  /** Absent: a new account (with its temporary password). */
  user?: { id: number; name: string; email: string; role: string };
  /** None: the role stays as it is (a guest's, lib/accounts/guests.ts). */
  roleOptions: { value: string; label: string }[];
  labels: {
    name: string;
    email: string;
    role: string;
    password: string;
    passwordHint: string;
    submit: string;
    submitting: string;
    saved: string;
  };
}

export function UserForm({ action, user, roleOptions, labels }: UserFormProps) {
  return (
    <ActionForm action={action} successMessage={labels.saved} className="space-y-4">
      {user && <input type="hidden" name="id" value={user.id} />}
      <TextField id="name" name="name" label={labels.name} defaultValue={user?.name} maxLength={100} autoComplete="off" required />
      <TextField
        id="email"
        name="email"
        type="email"
        label={labels.email}
        defaultValue={user?.email}
        maxLength={254}
        autoComplete="off"
        inputMode="email"
        required
      />
      {roleOptions.length ? (
        <SelectField id="role" name="role" label={labels.role} defaultValue={user?.role ?? "operator"} options={roleOptions} />
      ) : (
        <input type="hidden" name="role" value={user?.role} />
      )}
      {!user && (
        <TextField
          id="password"
          name="password"
          type="text"
          label={labels.password}
          help={labels.passwordHint}
          autoComplete="new-password"
          minLength={10}
          spellCheck={false}
          required
        />
      )}
      <SubmitButton pendingLabel={labels.submitting} className="btn-primary w-full sm:w-auto">
        {labels.submit}
      </SubmitButton>
    </ActionForm>
  );
}
