"use client";

import { runCheckNowAction } from "@/app/(admin)/admin/notifications/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { Messages } from "@/lib/i18n";

/** The cron's check, started by hand; the action words what it found and sent. */
export function RunCheckButton({ t }: { t: Messages["notifications"]["tools"] }) {
  return (
    <ActionButton
      action={runCheckNowAction}
      label={t.runNow}
      pendingLabel={t.running}
      successMessage={(summary) => summary}
      className="btn-primary"
    />
  );
}
