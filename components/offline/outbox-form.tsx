"use client";

import { unstable_rethrow } from "next/navigation";
import { useRef } from "react";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { isQueued, type OutboxKind } from "@/lib/offline/outbox";
import { clearDraft, DraftKeeper } from "./draft-keeper";
import { useOffline } from "./offline-provider";
import { submitOrQueue } from "./outbox";

interface OutboxFormProps<T> {
  kind: OutboxKind;
  action: FormAction<T>;
  /** The draft the typed text is kept in (components/offline/draft-keeper.tsx): one per form and thing. */
  draft: string;
  /** Where the kept action shows (the ticket's id); and what it is about (the ticket's id, for a person reading the list). */
  scope?: string | number;
  subject?: string;
  successMessage?: string;
  className?: string;
  "aria-label"?: string;
  children: React.ReactNode;
}

/** What the person sees of a kept action: the report's title or the ticket, and the text or the chosen status. */
function describe(kind: OutboxKind, form: HTMLFormElement | null, data: FormData, subject = "") {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  if (kind === "report") return { subject: text("title"), text: text("description") };
  if (kind === "move") {
    const select = form?.elements.namedItem("to");
    return { subject, text: select instanceof HTMLSelectElement ? (select.selectedOptions[0]?.text ?? text("to")) : text("to") };
  }
  return { subject, text: text("content") };
}

/**
 * An ActionForm whose action is kept on the device when the network is gone, sent
 * later by the service worker (components/offline/outbox.ts), and whose typed text
 * survives until it is sent (a draft). Says so when it kept it; the kept action
 * shows where <PendingItems> is placed.
 */
export function OutboxForm<T>({ kind, action, draft, scope, subject, successMessage, children, ...formProps }: OutboxFormProps<T>) {
  const offline = useOffline();
  const form = useRef<HTMLSpanElement>(null);

  async function send(data: FormData) {
    const about = { scope, ...describe(kind, form.current?.closest("form") ?? null, data, subject) };
    const forget = () => offline && clearDraft(offline.owner, draft);
    try {
      const result = await submitOrQueue(kind, data, action, about);
      if (result.ok) forget();
      return result;
    } catch (error) {
      // A redirect (the report's page) is Next's way of saying it was written.
      try {
        unstable_rethrow(error);
      } catch (navigation) {
        forget();
        throw navigation;
      }
      throw error;
    }
  }

  return (
    <ActionForm
      {...formProps}
      action={send}
      resetOnSuccess
      failedMessage={offline?.words.failed}
      successMessage={(data: unknown) => (isQueued(data) ? offline?.words.queued : successMessage)}
    >
      <span ref={form} hidden />
      <DraftKeeper name={draft} />
      {children}
    </ActionForm>
  );
}
