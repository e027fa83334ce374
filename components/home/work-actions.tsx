"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, useTransition } from "react";
import { changeTicketStatusAction, finishTicketAction, takeTicketAction } from "@/app/(app)/tickets/actions";
import { MoveToast, type MoveNotice } from "@/components/tickets/move-toast";
import { useOffline } from "@/components/offline/offline-provider";
import { submitOrQueue } from "@/components/offline/outbox";
import { isQueued } from "@/lib/offline/outbox";
import type { ActionResult } from "@/lib/operation";
import type { TicketStatus } from "@/lib/tickets/model";
import type { NextStep, WorkStepKind } from "@/lib/tickets/work";
import { format } from "@/lib/i18n/format";

/** One tap on a ticket of "Mon travail": what it does, on which ticket, from the status the person saw, to which column. */
export interface WorkStep {
  id: number;
  /** The ticket's code (TKT-…), for the notice. */
  ticket: string;
  step: WorkStepKind;
  from: TicketStatus;
  /** The column the step leaves the ticket in, as the server chose it (lib/tickets/work.ts nextWorkStep); null for taking. */
  to: NextStep["to"];
}

export interface WorkLabels {
  done: Record<WorkStepKind, string>;
  undone: string;
  undo: string;
  refused: string;
  failed: string;
  working: string;
  /** The plant's column names by key, for "remis à « En cours »". */
  statuses: Record<string, string>;
}

/**
 * The one place a step is sent: taking is an assignment, starting a move, finishing
 * a move with its comment and photos (finishTicket, one D1 batch). Each is the
 * operation the board and the ticket page use, with its own guard. [offline] Without
 * a network a start or a finish is kept on the device and sent when it returns
 * (components/offline/); taking is not, since sent later it would take the ticket
 * from whoever was given it meanwhile.
 */
export function sendWorkStep(step: WorkStep, form?: FormData, statuses: Record<string, string> = {}): Promise<ActionResult<unknown>> {
  const kept = { scope: step.id, subject: step.ticket };
  switch (step.step) {
    case "take":
      return takeTicketAction({ id: step.id });
    case "start":
    case "resume": {
      const to = step.to ?? "";
      return submitOrQueue("move", { id: step.id, from: step.from, to }, changeTicketStatusAction, { ...kept, text: statuses[to] ?? to });
    }
    case "finish": {
      const data = form ?? new FormData();
      data.set("id", String(step.id));
      data.set("from", step.from);
      return submitOrQueue("finish", data, finishTicketAction, { ...kept, text: String(data.get("comment") ?? "") });
    }
  }
}


interface WorkActionsValue {
  /** Sends the step; `done` runs after a success (a finished ticket's draft is forgotten). */
  run: (step: WorkStep, form?: FormData, done?: () => void) => void;
  /** The ticket whose step is being sent, if any: one at a time. */
  busy: number | null;
  working: string;
}

const WorkActionsContext = createContext<WorkActionsValue | null>(null);

export function useWorkActions(): WorkActionsValue {
  const value = useContext(WorkActionsContext);
  if (!value) throw new Error("useWorkActions outside <WorkActions>");
  return value;
}

/**
 * Holds the one-tap steps of the list it wraps (a server-rendered list, which each
 * step's action renders again): one step at a time, what it did in the board's
 * notice, with Annuler for a move (the same move back, which the server checks like
 * any other), and the reason when the server refused, the list then read again.
 */
export function WorkActions({ labels, children }: { labels: WorkLabels; children: React.ReactNode }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState<number | null>(null);
  const [notice, setNotice] = useState<MoveNotice | null>(null);
  const queued = useOffline()?.words.queuedMove ?? "";
  /**
   * The control a step or an undo was started from: once the list renders again without
   * it, focus goes to the ticket's next step (an undo waits for the ticket to come back),
   * else to the page, so a keyboard user is never left nowhere.
   */
  const pressed = useRef<{ id: number; element: Element | null; waitForTicket: boolean } | null>(null);

  const report = useCallback(
    (result: ActionResult<unknown>, success: () => MoveNotice) => {
      if (result.ok) setNotice(success());
      else {
        setNotice({ key: Date.now(), error: true, text: format(labels.refused, { reason: result.error }) });
        router.refresh();
      }
    },
    [labels.refused, router],
  );

  const run = useCallback(
    (step: WorkStep, form?: FormData, done?: () => void) => {
      if (busy !== null) return;
      pressed.current = { id: step.id, element: document.activeElement, waitForTicket: false };
      setBusy(step.id);
      setNotice(null);
      startTransition(async () => {
        // Plant Wi-Fi drops: a request that never answers is refused like any other.
        const result = await sendWorkStep(step, form, labels.statuses).catch(() => ({ ok: false as const, error: labels.failed }));
        setBusy(null);
        if (result.ok) done?.();
        // [offline] Kept on the device: said so, with nothing to undo yet.
        if (result.ok && isQueued(result.data)) return setNotice({ key: Date.now(), error: false, text: format(queued, { ticket: step.ticket }) });
        // Undo moves it back from where the step left it (taking is not undone: giving a ticket away is a lead's).
        const to = step.to;
        const undo = to
          ? () => {
              pressed.current = { id: step.id, element: document.activeElement, waitForTicket: true };
              setNotice(null);
              startTransition(async () => {
                const back = await changeTicketStatusAction({ id: step.id, from: to, to: step.from }).catch(() => ({ ok: false as const, error: labels.failed }));
                report(back, () => ({ key: Date.now(), error: false, text: format(labels.undone, { ticket: step.ticket, status: labels.statuses[step.from] ?? step.from }) }));
              });
            }
          : undefined;
        report(result, () => ({ key: Date.now(), error: false, text: format(labels.done[step.step], { ticket: step.ticket }), undo }));
      });
    },
    [busy, labels, queued, report],
  );

  // After every render: the server's new list arrives in a render of its own, after the result.
  useEffect(() => {
    const last = pressed.current;
    if (!last || last.element?.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) {
      pressed.current = null; // the person has moved on
      return;
    }
    const next = document.querySelector<HTMLElement>(`[data-work-item="${last.id}"] [data-step]`);
    if (!next && last.waitForTicket) return;
    pressed.current = null;
    (next ?? document.getElementById("main"))?.focus();
  });

  const expire = useCallback(() => setNotice(null), []);
  return (
    <WorkActionsContext.Provider value={{ run, busy, working: labels.working }}>
      <MoveToast notice={notice} undoLabel={labels.undo} onExpire={expire} />
      {children}
    </WorkActionsContext.Provider>
  );
}

/** A ticket's next step as one button: one tap, no confirmation (a move is undone from the notice). */
export function WorkStepButton({ step, label, name }: { step: WorkStep; label: string; /** The label with the ticket, for screen readers. */ name: string }) {
  const { run, busy, working } = useWorkActions();
  return (
    <button type="button" data-step className="btn-primary min-h-12 w-full sm:w-auto sm:min-w-40" aria-disabled={busy !== null} aria-label={name} onClick={() => run(step)}>
      {busy === step.id ? working : label}
    </button>
  );
}
