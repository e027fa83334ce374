"use client";

import { useActionFormState } from "./action-form";

interface FieldProps {
  name: string;
  label: string;
  help?: string;
  id?: string;
  className?: string;
}

/** Label, control, help and the server's message for this field, wired for screen readers. */
function useField({ name, id, help }: FieldProps) {
  const { fieldErrors } = useActionFormState();
  const fieldId = id ?? `field-${name}`;
  const error = fieldErrors[name];
  const describedBy = [help && `${fieldId}-help`, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined;
  return { fieldId, error, control: { id: fieldId, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } };
}

function FieldFrame({ fieldId, label, help, error, className, children }: FieldProps & { fieldId: string; error?: string; children: React.ReactNode }) {
  return (
    <div className={`space-y-1 ${className ?? ""}`}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {help && (
        <p id={`${fieldId}-help`} className="text-xs text-slate-600">
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

type InputProps = FieldProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">;

export function TextField({ name, label, help, id, className, ...input }: InputProps) {
  const { fieldId, error, control } = useField({ name, label, help, id });
  return (
    <FieldFrame name={name} label={label} help={help} fieldId={fieldId} error={error} className={className}>
      <input {...input} {...control} className="field" />
    </FieldFrame>
  );
}

type TextAreaProps = FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className">;

export function TextAreaField({ name, label, help, id, className, ...textarea }: TextAreaProps) {
  const { fieldId, error, control } = useField({ name, label, help, id });
  return (
    <FieldFrame name={name} label={label} help={help} fieldId={fieldId} error={error} className={className}>
      <textarea rows={4} {...textarea} {...control} className="field" />
    </FieldFrame>
  );
}

type SelectProps = FieldProps &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className"> & {
    options: { value: string; label: string }[];
    placeholder?: string;
  };

export function SelectField({ name, label, help, id, className, options, placeholder, ...select }: SelectProps) {
  const { fieldId, error, control } = useField({ name, label, help, id });
  return (
    <FieldFrame name={name} label={label} help={help} fieldId={fieldId} error={error} className={className}>
      <select {...select} {...control} className="field">
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
