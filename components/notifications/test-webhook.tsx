"use client";

import { sendTestWebhookAction } from "@/app/(admin)/admin/notifications/actions";
import { ActionButton } from "@/components/ui/action-button";
import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n";

type Sent = Extract<Awaited<ReturnType<typeof sendTestWebhookAction>>, { ok: true }>["data"];

/** Sends a sample alert and shows exactly what the receiver answered. */
export function TestWebhook({ t }: { t: Messages["notifications"]["tools"] }) {
  return (
    <div className="space-y-2">
      <ActionButton action={sendTestWebhookAction} label={t.test} pendingLabel={t.testing} successMessage={(sent: Sent) => <Answer sent={sent} t={t} />} />
      <p className="text-sm text-slate-600">{t.testHelp}</p>
    </div>
  );
}

function Answer({ sent, t }: { sent: Sent; t: Messages["notifications"]["tools"] }) {
  return (
    <div className="space-y-1" data-testid="test-result">
      <p className={sent.ok ? "font-medium text-emerald-800" : "font-medium text-red-700"}>
        {sent.status !== null ? format(t.testResult, { status: sent.status, ms: sent.durationMs }) : format(t.testFailed, { error: sent.error ?? "" })}
      </p>
      {sent.body && (
        <details>
          <summary className="cursor-pointer">{t.response}</summary>
          <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap">{sent.body}</pre>
        </details>
      )}
    </div>
  );
}
