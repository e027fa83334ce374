"use client";

import { useEffect, useRef } from "react";
import { addMediaAction, addVoiceNoteAction, changeTicketStatusAction } from "@/app/(app)/tickets/actions";
import { sendWorkStep } from "@/components/home/work-actions";
import { useOffline } from "@/components/offline/offline-provider";
import { submitOrQueue } from "@/components/offline/outbox";
import { Icon } from "@/components/shell/icons";
import { FilePicker } from "@/components/ui/file-picker";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { VoiceRecorder, type VoiceRecorderLabels } from "@/components/ui/voice-recorder";
import { format } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import { isQueued } from "@/lib/offline/outbox";
import type { ActionResult } from "@/lib/operation";
import type { TicketStatus } from "@/lib/tickets/model";
import type { NextStep } from "@/lib/tickets/work";

export interface TicketActionBarProps {
  /** The ticket's row id and code. */
  id: number;
  ticketId: string;
  status: TicketStatus;
  /** The one-tap next step (as "Mon travail" offers it) and the column it leads to, for those who work on tickets. */
  step: NextStep | null;
  /** The comment box's id on the page: the comment button goes there. */
  commentField: string | null;
  /** Accepted photo and video types, when this person may add them. */
  accept: string | null;
  /** The plant's column names by key. */
  statusLabels: Record<string, string>;
  labels: Messages["tickets"]["bar"];
  /** The steps' words, shared with "Mon travail". */
  steps: Pick<Messages["home"]["work"], "steps" | "done" | "undone" | "toMe" | "working">;
  /** "Annuler", the board's undo. */
  undo: string;
  voice: VoiceRecorderLabels;
  /** Said when the request itself fails (no network, an upload too large). */
  failed: string;
  locale: Locale;
}

/** What a send of the bar says when it worked; `undo` offers to move the ticket back; `sentNote` empties the recorder. */
type Sent = { said: string; undo?: boolean; sentNote?: boolean };

/** A tile: icon over its word on a phone, side by side on a wider screen. */
const tile =
  "inline-flex min-h-12 w-18 shrink-0 flex-col items-center justify-center gap-0.5 rounded-md border border-slate-300 bg-white px-1 text-[0.7rem] leading-tight font-medium text-slate-800 hover:bg-slate-100 " +
  "md:w-auto md:flex-row md:gap-2 md:px-3 md:text-sm";

/**
 * The ticket's everyday actions in reach of a thumb: its next step in one tap (the
 * one "Mon travail" offers, sent by the same function, with undo), a comment, a
 * photo, a voice note. On a phone it is fixed above the tab bar (the page keeps room
 * for it under its content); on a wider screen it is a toolbar under the title. One
 * form and one `send`: every write the bar makes goes through that function.
 * [offline] Without a network, a start, a finish, photos and a voice note are kept
 * on the device and sent when it returns (components/offline/); taking is not.
 */
export function TicketActionBar(props: TicketActionBarProps) {
  const { id, ticketId, status, step, commentField, accept, statusLabels, labels, steps, undo, voice, failed, locale } = props;
  const lastMove = useRef<{ from: TicketStatus; to: TicketStatus } | null>(null);
  const photoSubmit = useRef<HTMLButtonElement>(null);
  // Without a next step the tiles share the row.
  const tiles = step ? tile : `${tile} flex-1 md:flex-none`;
  const reaches = step?.to ?? null;
  const outcome = reaches ? (statusLabels[reaches] ?? reaches) : steps.toMe;
  const offline = useOffline()?.words;

  async function send(data: FormData): Promise<ActionResult<Sent>> {
    const intent = data.get("intent");
    if (intent === "step" && step) {
      const result = await sendWorkStep({ id, ticket: ticketId, step: step.kind, from: status, to: step.to }, undefined, statusLabels);
      if (!result.ok) return result;
      if (isQueued(result.data)) return { ok: true, data: { said: format(offline?.queuedMove ?? "", { ticket: ticketId }) } };
      lastMove.current = reaches ? { from: status, to: reaches } : null;
      return { ok: true, data: { said: format(steps.done[step.kind], { ticket: ticketId }), undo: !!reaches } };
    }
    if (intent === "undo" && lastMove.current) {
      const { from, to } = lastMove.current;
      const result = await changeTicketStatusAction({ id, from: to, to: from });
      if (!result.ok) return result;
      lastMove.current = null;
      return { ok: true, data: { said: format(steps.undone, { ticket: ticketId, status: statusLabels[from] ?? from }) } };
    }
    const body = new FormData();
    body.set("ticketId", String(id));
    const kept = { scope: id, subject: ticketId, text: "" };
    if (intent === "voice") {
      body.set("audio", data.get("audio")!);
      body.set("audioDuration", String(data.get("audioDuration") ?? ""));
      const result = await submitOrQueue("voice", body, addVoiceNoteAction, kept);
      if (!result.ok) return result;
      return { ok: true, data: { said: isQueued(result.data) ? (offline?.queued ?? "") : labels.voiceAdded, sentNote: true } };
    }
    for (const file of data.getAll("files")) body.append("files", file);
    const result = await submitOrQueue("media", body, addMediaAction, kept);
    if (!result.ok) return result;
    return { ok: true, data: { said: isQueued(result.data) ? (offline?.queued ?? "") : format(labels.photoAdded, { count: result.data.count }, locale) } };
  }

  // The page keeps room under its content for the bar as tall as it is now (a result, a
  // recording above its buttons): --action-bar-height, read by the ticket page's padding.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const form = box.current?.firstElementChild;
    if (!form) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(([entry]) => root.setProperty("--action-bar-height", `${entry!.borderBoxSize[0]!.blockSize}px`));
    observer.observe(form);
    return () => {
      observer.disconnect();
      root.removeProperty("--action-bar-height");
    };
  }, []);

  function goToComment(event: React.MouseEvent) {
    const field = commentField ? document.getElementById(commentField) : null;
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center", behavior: "smooth" });
    field.focus({ preventScroll: true });
  }

  return (
    <div ref={box} className="contents">
    <ActionForm
      action={send}
      resetOnSuccess={(sent) => !!sent.sentNote}
      failedMessage={failed}
      aria-label={labels.title}
      successMessage={(sent) =>
        sent.said && (
          <span className="flex flex-wrap items-center justify-between gap-x-3">
            {sent.said}
            {sent.undo && (
              <button type="submit" name="intent" value="undo" className="min-h-9 font-semibold underline">
                {undo}
              </button>
            )}
          </span>
        )
      }
      className={
        // Its wrapper is `display: contents` (the page's space-y margin would lift a fixed bar off the tab bar): the toolbar keeps its own.
        "fixed inset-x-0 bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-20 flex flex-wrap items-stretch gap-1.5 border-t border-slate-200 bg-white/95 px-3 py-2 shadow-[0_-4px_12px_rgb(15_23_42/0.08)] backdrop-blur " +
        "md:static md:mb-6 md:rounded-lg md:border md:bg-white md:p-2 md:shadow-none " +
        "[&>[role=alert]]:basis-full [&>[role=status]]:basis-full"
      }
    >
      {step && (
        <SubmitButton
          name="intent"
          value="step"
          pendingLabel={steps.working}
          className="btn-primary min-h-12 min-w-0 flex-1 flex-col gap-0 px-1.5 text-[0.95rem] leading-tight md:flex-none md:flex-row md:gap-2 md:px-4 md:text-base"
        >
          <span>{steps.steps[step.kind]}</span>
          {/* Where the step leaves the ticket, unless the step's word says it already ("Terminé"). */}
          {outcome !== steps.steps[step.kind] && (
            <span className="flex items-center gap-1 text-xs font-normal opacity-90 md:text-sm">
              <Icon name="arrow" className="h-3.5 w-3.5" />
              {outcome}
            </span>
          )}
        </SubmitButton>
      )}
      {commentField && (
        <a href={`#${commentField}`} onClick={goToComment} className={tiles}>
          <Icon name="messages" className="h-5 w-5" />
          {labels.comment}
        </a>
      )}
      {accept && (
        <>
          <FilePicker
            id="bar-photo"
            name="files"
            label={labels.photo}
            icon={<Icon name="camera" className="h-5 w-5" />}
            accept={accept}
            multiple
            buttonClassName={tiles}
            onChoose={(input) => {
              // The submission has read the files by now: the picker is ready for the next photo at once.
              input.form?.requestSubmit(photoSubmit.current);
              input.value = "";
            }}
          />
          <button ref={photoSubmit} type="submit" name="intent" value="photo" hidden tabIndex={-1} />
          <VoiceRecorder
            labels={voice}
            showLabel
            buttonClassName={tiles}
            previewClassName="order-first basis-full"
            recordedActions={
              <SubmitButton name="intent" value="voice" pendingLabel={steps.working} className="btn-primary ml-auto">
                {labels.sendVoice}
              </SubmitButton>
            }
          />
        </>
      )}
    </ActionForm>
    </div>
  );
}
