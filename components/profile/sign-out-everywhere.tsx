"use client";

import { signOutEverywhereAction } from "@/app/(auth)/sign-out/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { Messages } from "@/lib/i18n";

/** Ends every session of the user, this one included; the action then leaves for the sign-in page. */
export function SignOutEverywhere({ t }: { t: Messages["profile"]["sessions"] }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t.description}</p>
      <ActionButton
        action={signOutEverywhereAction}
        label={t.submit}
        pendingLabel={t.submitting}
        confirm={{ question: t.question, confirmLabel: t.submit, cancelLabel: t.cancel, danger: true }}
      />
    </div>
  );
}
