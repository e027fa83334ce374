"use client";

import { useState } from "react";
import { removeSecretAction, rotateSecretAction } from "@/app/(admin)/admin/notifications/actions";
import { ActionButton } from "@/components/ui/action-button";
import type { Messages } from "@/lib/i18n";

interface SecretPanelProps {
  source: "env" | "settings" | "none";
  masked: string | null;
  t: Messages["notifications"]["secret"];
  common: Messages["common"];
}

export function SecretPanel({ source, masked, t, common }: SecretPanelProps) {
  const [fresh, setFresh] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (source === "env") return <p className="text-sm text-slate-700">{t.fromEnv.replace("{masked}", masked ?? "")}</p>;

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="secret-state">
        {source === "settings" ? t.current.replace("{masked}", masked ?? "") : t.none}
      </p>
      {fresh && (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-900">{t.shownOnce}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-white px-2 py-1 text-sm break-all" data-testid="new-secret">
              {fresh}
            </code>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => navigator.clipboard?.writeText(fresh).then(() => setCopied(true))}
            >
              {copied ? t.copied : t.copy}
            </button>
          </div>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <ActionButton
          action={rotateSecretAction}
          label={source === "settings" ? t.rotate : t.generate}
          confirm={source === "settings" ? { question: t.rotateConfirm, confirmLabel: t.rotate, cancelLabel: common.cancel } : undefined}
          // The secret itself is shown once, in the box above, never as a message.
          onSuccess={(secret) => {
            setFresh(secret);
            setCopied(false);
          }}
        />
        {source === "settings" && (
          <ActionButton
            action={async () => {
              setFresh(null);
              return removeSecretAction();
            }}
            label={t.remove}
            confirm={{ question: t.removeConfirm, confirmLabel: t.remove, cancelLabel: common.cancel, danger: true }}
            successMessage={(message) => message}
          />
        )}
      </div>
    </div>
  );
}
