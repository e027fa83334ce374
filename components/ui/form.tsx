"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/operation";
import { ActionResultMessage, runAction, type SuccessMessage } from "./action-result";

/** A server action as a form calls it: the form's data in, a result out (or a redirect). */
export type FormAction<T> = (formData: FormData) => Promise<ActionResult<T>>;

interface FormState {
  /** False outside an ActionForm (a plain `<form action>`). */
  inActionForm: boolean;
  pending: boolean;
  /** Which submit button started the pending submission ("name=value", "" for an unnamed one). */
  pressed: string;
  /** The server's message per field name, from the last refused submission. */
  fieldErrors: Record<string, string>;
  /** The last refusal's message for the whole form: a field that shows the same one marks it (errorAttributes). */
  formError?: string;
}

const FormContext = createContext<FormState>({ inActionForm: false, pending: false, pressed: "", fieldErrors: {} });

/**
 * For a field's message: marked when it is the form's own message too, which the
 * form's alert then leaves to the field (a CSS rule on the alert, so that a field
 * the form does not render, a hidden input's, keeps its message in the alert).
 * Each refusal is said once, where it belongs.
 */
export function errorAttributes(error: string, formError: string | undefined) {
  return error === formError ? { "data-repeats-alert": "" } : {};
}
const buttonKey = (name?: string, value?: string) => (name ? `${name}=${value ?? ""}` : "");

export function useActionFormState(): FormState {
  return useContext(FormContext);
}

/** Which form of a group was submitted last: the only one whose result still shows. */
const FeedbackContext = createContext<{ latest: string | null; submitted: (form: string) => void } | null>(null);

/**
 * Forms that act on the same thing (a ticket's status, assignee, schedule...):
 * a submission in one clears what the others last said, so a green "saved"
 * never sits next to a newer red refusal.
 */
export function FeedbackGroup({ children, className }: { children: React.ReactNode; /** Renders a div with it: a page's own container. */ className?: string }) {
  const [latest, setLatest] = useState<string | null>(null);
  return (
    <FeedbackContext.Provider value={{ latest, submitted: setLatest }}>
      {className === undefined ? children : <div className={className}>{children}</div>}
    </FeedbackContext.Provider>
  );
}

/**
 * For a form or a button in a FeedbackGroup: `started()` when it submits, and
 * whether its last result is still the group's latest (always, outside a group).
 */
export function useFeedbackTurn() {
  const id = useId();
  const group = useContext(FeedbackContext);
  return { current: !group || group.latest === id, started: () => group?.submitted(id) };
}

interface ActionFormProps<T> {
  action: FormAction<T>;
  /** A function of the last result when the form shows more than a message (an import's report). */
  children: React.ReactNode | ((form: { result: ActionResult<T> | null; pending: boolean; clear: () => void }) => React.ReactNode);
  successMessage?: SuccessMessage<T>;
  /** Shown when the request itself fails (network, upload too large); without it the error boundary takes over. */
  failedMessage?: string;
  /**
   * Empty the fields after a success (passwords, a posted comment); other forms keep what was typed.
   * A function decides from the result: a form of several sends empties only after the one that took its fields.
   */
  resetOnSuccess?: boolean | ((data: T) => boolean);
  /**
   * Empty the fields as soon as the form is sent, and put the typed text back if the server refuses it:
   * a chat composer, whose message leaves the box at once (the list shows it sending), so that what is
   * typed next is never wiped by the previous send's answer.
   */
  resetOnSubmit?: boolean;
  /** Fields emptied after a refusal: a rejected password is typed again, not edited. */
  clearOnRefusal?: string[];
  className?: string;
  "aria-label"?: string;
}

/**
 * A form posting to a server action. A refusal keeps what the user typed, shows
 * the form's message and each field's, and moves focus to the first field named
 * (else to the message). Before hydration the browser posts to the action itself.
 */
export function ActionForm<T>(props: ActionFormProps<T>) {
  const { action, children, successMessage, failedMessage, resetOnSuccess, resetOnSubmit, clearOnRefusal, className, "aria-label": label } = props;
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef<FormData | null>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  /** The control that submitted: focus stays there (or comes back) after the page renders again. */
  const submitter = useRef<HTMLElement | null>(null);
  const turn = useFeedbackTurn();
  const [pressed, setPressed] = useState("");
  // `null` clears the last result (a new file picked after a check).
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, FormData | null>(
    (_previous, data) => (data ? runAction(() => action(data), failedMessage) : null),
    null,
  );

  const afterResult = useEffectEvent((result: ActionResult<T>) => {
    const element = form.current;
    if (!element) return;
    if (result.ok) {
      if (typeof resetOnSuccess === "function" ? resetOnSuccess(result.data) : resetOnSuccess) element.reset();
      // A refresh() renders the page again; the keyboard user stays where they were, not at the top.
      // Only focus the render dropped (back on the body): someone who has moved on, to a message's
      // menu while a send settles, keeps the focus they chose.
      const used = submitter.current;
      const dropped = !document.activeElement || document.activeElement === document.body;
      if (used?.isConnected && dropped) used.focus();
      return;
    }
    if (resetOnSubmit && sent.current) restoreText(element, sent.current);
    for (const name of clearOnRefusal ?? []) {
      const field = element.elements.namedItem(name);
      if (field instanceof HTMLInputElement) field.value = "";
    }
    const named = new Set(Object.keys(result.fieldErrors ?? {}));
    const first = Array.from(element.elements).find(
      (field) => named.has(field.getAttribute("name") ?? "") && field.getAttribute("type") !== "hidden",
    );
    (first instanceof HTMLElement ? first : alert.current)?.focus();
  });
  useEffect(() => {
    if (result) afterResult(result);
  }, [result]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // Ours, not React's form action: React would empty every field afterwards, even after a refusal.
    event.preventDefault();
    if (pending) return;
    const button = (event.nativeEvent as SubmitEvent).submitter;
    submitter.current = button ?? null;
    turn.started();
    const data = new FormData(event.currentTarget, button);
    setPressed(buttonKey(button?.getAttribute("name") ?? undefined, button?.getAttribute("value") ?? undefined));
    if (resetOnSubmit) {
      sent.current = data;
      event.currentTarget.reset();
    }
    startTransition(() => dispatch(data));
  }

  // The path before hydration (and without JavaScript): the browser posts to the
  // server action itself, which runs and redirects; only its message is lost.
  const plainAction: (formData: FormData) => void = action;
  const clear = () => startTransition(() => dispatch(null));
  // In a FeedbackGroup, another form's newer submission makes this one's result stale.
  const current = turn.current ? result : null;
  const fieldErrors = current && !current.ok ? (current.fieldErrors ?? {}) : {};
  const formError = current && !current.ok ? current.error : undefined;
  return (
    <FormContext.Provider value={{ inActionForm: true, pending, pressed, fieldErrors, formError }}>
      <form ref={form} action={plainAction} onSubmit={onSubmit} className={className} noValidate aria-busy={pending} aria-label={label}>
        {/* While a new submission runs, the last one's message is stale. */}
        {/* Hidden when a field says the same (errorAttributes): focus then goes to that field, which it describes. */}
        {!pending && <ActionResultMessage ref={alert} result={current} successMessage={successMessage} alertClassName="[form:has([data-repeats-alert])_&]:hidden" />}
        {typeof children === "function" ? children({ result, pending, clear }) : children}
      </form>
    </FormContext.Provider>
  );
}

/** Puts the refused submission's text back in the fields the user typed it in, unless they typed something new. */
function restoreText(form: HTMLFormElement, data: FormData) {
  for (const field of Array.from(form.elements)) {
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) || !field.name) continue;
    if (field instanceof HTMLInputElement && ["hidden", "file", "checkbox", "radio", "submit"].includes(field.type)) continue;
    const value = data.get(field.name);
    if (typeof value !== "string" || field.value !== "") continue;
    field.value = value;
    // A counter follows typing: the text put back is announced the same way.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

interface SubmitButtonProps {
  children: React.ReactNode;
  /** Said while its submission runs: words, or an icon with words for screen readers. */
  pendingLabel: React.ReactNode;
  className?: string;
  /** Sent with the form, to tell several submit buttons apart. */
  name?: string;
  value?: string;
}

/**
 * Ignores presses while its form is busy, and says it is working when it was the
 * one pressed; in an ActionForm or a plain `<form action>`. aria-disabled, not
 * disabled: a disabled button drops the keyboard focus.
 */
export function SubmitButton({ children, pendingLabel, className = "btn-primary", name, value }: SubmitButtonProps) {
  const { pending, working } = useSubmitState(name, value);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending}
      onClick={(event) => pending && event.preventDefault()}
      className={className}
    >
      {working ? pendingLabel : children}
    </button>
  );
}

/** Whether the form is busy, and whether because of the button with this name and value. */
export function useSubmitState(name?: string, value?: string) {
  const form = useActionFormState();
  const plain = useFormStatus();
  if (!form.inActionForm) return { pending: plain.pending, working: plain.pending };
  return { pending: form.pending, working: form.pending && form.pressed === buttonKey(name, value) };
}
