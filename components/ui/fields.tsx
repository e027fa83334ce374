"use client";

import { useEffect, useRef, useState } from "react";
import { format as fill } from "@/lib/i18n/format";
import { errorAttributes, useActionFormState } from "./form";

interface FieldProps {
  /** The control's name, and the key of the server's message for it. */
  name?: string;
  label: string;
  help?: string;
  /** Defaults to `field-{name}`; the help and the message get `{id}-help` and `{id}-error`. */
  id?: string;
  /** The label for screen readers only: a control whose place and placeholder say what it is (a chat box). */
  hideLabel?: boolean;
}

/** What a control needs to be wired to its label, help and message. */
export interface ControlProps {
  id: string;
  name?: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A label, any control (a file input, an input with a datalist...), its help and
 * the server's message for it, wired for screen readers. The control is a
 * function of the props it must spread.
 */
export function Field({
  name,
  label,
  help,
  id,
  hideLabel,
  children,
  extra,
}: FieldProps & { children: (control: ControlProps) => React.ReactNode; extra?: { id: string; node: React.ReactNode } | null }) {
  const { fieldErrors, formError } = useActionFormState();
  const fieldId = id ?? `field-${name}`;
  const error = name ? fieldErrors[name] : undefined;
  const describedBy = [help && `${fieldId}-help`, extra?.id, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children({ id: fieldId, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {help && (
        <p id={`${fieldId}-help`} className="text-sm text-slate-600">
          {help}
        </p>
      )}
      {extra?.node}
      {error && (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-700" {...errorAttributes(error, formError)}>
          {error}
        </p>
      )}
    </div>
  );
}

type Own = "name" | "id" | "className";
const controlClass = (extra?: string) => (extra ? `field ${extra}` : "field");
/** `className` is added to the control's. */
type ControlOptions = FieldProps & { name: string; className?: string };

export function TextField({ name, label, help, id, className, ...input }: ControlOptions & Omit<React.InputHTMLAttributes<HTMLInputElement>, Own>) {
  return (
    <Field name={name} label={label} help={help} id={id}>
      {(control) => <input {...input} {...control} className={controlClass(className)} />}
    </Field>
  );
}

type TextAreaOptions = ControlOptions &
  Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, Own> & {
    /**
     * The most characters the server accepts: a live "n / limit" counter, never a silent cut;
     * shown from `from` characters on, when given (a one-row chat box has no room for it at rest).
     */
    limit?: { max: number; counter: string; over: string; from?: number };
  };

export function TextAreaField({ name, label, help, id, hideLabel, className, limit, ...textarea }: TextAreaOptions) {
  const fieldId = id ?? `field-${name}`;
  const element = useRef<HTMLTextAreaElement>(null);
  const [length, setLength] = useState(() => String(textarea.defaultValue ?? "").length);
  useEffect(() => {
    // A form reset (a posted comment) empties the field without an input event.
    const form = element.current?.form;
    if (!form || !limit) return;
    const onReset = () => requestAnimationFrame(() => setLength(element.current?.value.length ?? 0));
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [limit]);
  // No maxLength: the browser would cut a pasted text without a word; the server refuses it with one.
  const over = limit !== undefined && length > limit.max;
  const counter = limit && length >= (limit.from ?? 0) && {
    id: `${fieldId}-count`,
    node: (
      <p id={`${fieldId}-count`} className={over ? "text-sm font-medium text-red-700" : "text-sm text-slate-600"} data-testid="char-counter">
        {fill(limit.counter, { count: length, max: limit.max })}
        {over && <span> — {fill(limit.over, { max: limit.max })}</span>}
      </p>
    ),
  };
  return (
    <Field name={name} label={label} help={help} id={id} hideLabel={hideLabel} extra={counter || undefined}>
      {(control) => (
        <textarea
          rows={4}
          {...textarea}
          {...control}
          ref={element}
          onInput={limit ? (event) => setLength(event.currentTarget.value.length) : undefined}
          className={controlClass(className)}
        />
      )}
    </Field>
  );
}

type SelectOptions = ControlOptions & {
  options: { value: string; label: string }[];
  /** A first, empty choice ("Choose a machine"). */
  placeholder?: string;
};

export function SelectField({
  name,
  label,
  help,
  id,
  className,
  options,
  placeholder,
  ref,
  ...select
}: SelectOptions & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, Own> & { ref?: React.Ref<HTMLSelectElement> }) {
  return (
    <Field name={name} label={label} help={help} id={id}>
      {(control) => (
        <select {...select} {...control} ref={ref} className={controlClass(className)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A checkbox with its label beside it and its help under the label, the whole row
 * as tall as a finger needs. `className`: the row's (a box around it).
 */
export function CheckboxField({ name, label, help, id, className = "", ...input }: ControlOptions & Omit<React.InputHTMLAttributes<HTMLInputElement>, Own | "type">) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className={`flex items-start gap-3 ${className}`}>
      <input {...input} id={fieldId} name={name} type="checkbox" aria-describedby={help ? `${fieldId}-help` : undefined} className="mt-1 h-5 w-5 shrink-0" />
      <div>
        <label htmlFor={fieldId} className="font-medium">
          {label}
        </label>
        {help && (
          <p id={`${fieldId}-help`} className="text-sm text-slate-600">
            {help}
          </p>
        )}
      </div>
    </div>
  );
}
