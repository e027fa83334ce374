"use client";

import { useActionFormState } from "./form";

interface FieldProps {
  /** The control's name, and the key of the server's message for it. */
  name?: string;
  label: string;
  help?: string;
  /** Defaults to `field-{name}`; the help and the message get `{id}-help` and `{id}-error`. */
  id?: string;
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
export function Field({ name, label, help, id, children }: FieldProps & { children: (control: ControlProps) => React.ReactNode }) {
  const { fieldErrors } = useActionFormState();
  const fieldId = id ?? `field-${name}`;
  const error = name ? fieldErrors[name] : undefined;
  const describedBy = [help && `${fieldId}-help`, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id: fieldId, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {help && (
        <p id={`${fieldId}-help`} className="text-sm text-slate-600">
          {help}
        </p>
      )}
      {error && (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-700">
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

export function TextAreaField({ name, label, help, id, className, ...textarea }: ControlOptions & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  return (
    <Field name={name} label={label} help={help} id={id}>
      {(control) => <textarea rows={4} {...textarea} {...control} className={controlClass(className)} />}
    </Field>
  );
}

type SelectOptions = ControlOptions & {
  options: { value: string; label: string }[];
  /** A first, empty choice ("Choose a machine"). */
  placeholder?: string;
};

export function SelectField({ name, label, help, id, className, options, placeholder, ...select }: SelectOptions & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, Own>) {
  return (
    <Field name={name} label={label} help={help} id={id}>
      {(control) => (
        <select {...select} {...control} className={controlClass(className)}>
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
