"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionButton } from "@/components/ui/action-button";
import type { ActionResult } from "@/lib/operation";
import { format } from "@/lib/i18n/format";
import { subscribeThisDevice, type SubscribeFailure } from "@/components/notifications/service-worker";

export interface DeviceView {
  id: number;
  name: string;
  addedOn: string;
  lastUsed: string | null;
}

interface PushDevicesProps {
  devices: DeviceView[];
  /** The server's VAPID public key; null when push is not set up there. */
  vapidPublicKey: string | null;
  register: (input: unknown) => Promise<ActionResult<{ id: number }>>;
  remove: (input: { id: number }) => Promise<ActionResult<{ id: number }>>;
  labels: Record<
    | "description" | "enable" | "enabling" | "enabled" | "none" | "addedOn" | "lastUsed" | "neverUsed" | "remove" | "removing"
    | "removeQuestion" | "removed" | SubscribeFailure | "notConfigured" | "cancel",
    string
  >;
}

/** A name for the list, from what the browser says about itself ("Android · Chrome"). */
function deviceName(): string {
  const ua = navigator.userAgent;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iPhone" : /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "Mac" : /Linux/.test(ua) ? "Linux" : "";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "";
  return [os, browser].filter(Boolean).join(" · ") || "Navigateur";
}

export function PushDevices({ devices, vapidPublicKey, register, remove, labels }: PushDevicesProps) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function enable() {
    if (pending || !vapidPublicKey) return;
    setMessage(null);
    startTransition(async () => {
      let outcome = await subscribeThisDevice(vapidPublicKey);
      if (outcome.kind !== "subscribed") return setMessage({ ok: false, text: labels[outcome.kind] });
      let result = await register({ ...outcome.subscription, name: deviceName() });
      if (!result.ok && result.code === "pushEndpointTaken") {
        // This browser's subscription is another account's (a shared phone): a new one, which ends theirs.
        outcome = await subscribeThisDevice(vapidPublicKey, { fresh: true });
        if (outcome.kind !== "subscribed") return setMessage({ ok: false, text: labels[outcome.kind] });
        result = await register({ ...outcome.subscription, name: deviceName() });
      }
      setMessage(result.ok ? { ok: true, text: labels.enabled } : { ok: false, text: result.error });
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{labels.description}</p>
      {devices.length ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="push-devices">
          {devices.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <div>
                <p className="font-medium">{d.name}</p>
                <p className="text-sm text-slate-600">
                  {format(labels.addedOn, { date: d.addedOn })} · {d.lastUsed ? format(labels.lastUsed, { date: d.lastUsed }) : labels.neverUsed}
                </p>
              </div>
              <ActionButton
                action={() => remove({ id: d.id })}
                label={labels.remove}
                pendingLabel={labels.removing}
                confirm={{ question: format(labels.removeQuestion, { name: d.name }), confirmLabel: labels.remove, cancelLabel: labels.cancel, danger: true }}
                onSuccess={() => router.refresh()}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{labels.none}</p>
      )}
      {vapidPublicKey ? (
        <button type="button" className="btn-primary w-full sm:w-auto" aria-disabled={pending} onClick={enable}>
          {pending ? labels.enabling : labels.enable}
        </button>
      ) : (
        <p className="text-sm text-slate-600">{labels.notConfigured}</p>
      )}
      <p role="status" className={message?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>
        {message?.text}
      </p>
    </div>
  );
}
