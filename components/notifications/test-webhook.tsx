"use client";

import { useState, useTransition } from "react";
import { sendTestWebhookAction } from "@/app/(admin)/admin/notifications/actions";
import { format, type Messages } from "@/lib/i18n";

type Outcome = Awaited<ReturnType<typeof sendTestWebhookAction>>;

/** Sends a sample alert and shows exactly what the receiver answered. */
export function TestWebhook({ t }: { t: Messages["notifications"]["tools"] }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const result = outcome?.ok ? outcome.data : null;
  return (
    <div className="space-y-2">
      <button type="button" className="btn-secondary" disabled={pending} onClick={() => startTransition(async () => setOutcome(await sendTestWebhookAction()))}>
        {pending ? t.testing : t.test}
      </button>
      <p className="text-sm text-slate-600">{t.testHelp}</p>
      {outcome && !outcome.ok && (
        <p role="alert" className="text-sm text-red-700">
          {outcome.error}
        </p>
      )}
      {result && (
        <div role="status" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="test-result">
          <p className={result.ok ? "font-medium text-emerald-800" : "font-medium text-red-700"}>
            {result.status !== null
              ? format(t.testResult, { status: result.status, ms: result.durationMs })
              : format(t.testFailed, { error: result.error ?? "" })}
          </p>
          {result.body && (
            <details>
              <summary className="cursor-pointer">{t.response}</summary>
              <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap">{result.body}</pre>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
