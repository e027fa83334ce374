"use client";

import { resendAction } from "@/app/(admin)/admin/notifications/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { Messages } from "@/lib/i18n";

interface ResendButtonProps {
  id: number;
  disabled: boolean;
  t: Messages["notifications"]["detail"];
  common: Messages["common"];
}

export function ResendButton({ id, disabled, t, common }: ResendButtonProps) {
  if (disabled) return null;
  return (
    <ActionButton
      action={() => resendAction({ id })}
      label={t.resend}
      pendingLabel={t.resending}
      confirm={{ question: t.resendConfirm, confirmLabel: t.resend, cancelLabel: common.cancel }}
      // The action words its own outcome (the receiver's status).
      successMessage={(message) => message}
    />
  );
}
