import { signInAction } from "@/app/(auth)/sign-in/actions";
import { TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton } from "@/components/ui/form";

interface SignInFormProps {
  callbackUrl: string;
  labels: { email: string; password: string; submit: string; submitting: string };
}

/** Without JavaScript the browser posts to signInAction itself, which signs in and redirects. */
export function SignInForm({ callbackUrl, labels }: SignInFormProps) {
  return (
    <ActionForm action={signInAction} clearOnRefusal={["password"]} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="email" name="email" type="email" label={labels.email} autoComplete="username" inputMode="email" required />
      <TextField id="password" name="password" type="password" label={labels.password} autoComplete="current-password" required />
      <SubmitButton pendingLabel={labels.submitting} className="btn-primary w-full">
        {labels.submit}
      </SubmitButton>
    </ActionForm>
  );
}
