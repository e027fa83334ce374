import { cloneElement, isValidElement } from "react";

interface FieldProps {
  id: string;
  label: string;
  help?: string;
  error?: string;
  /** One form control; it gets aria-describedby and aria-invalid from here. */
  children: React.ReactElement<React.InputHTMLAttributes<HTMLElement>>;
}

/** Label, control, help and error, tied together for screen readers. */
export function Field({ id, label, help, error, children }: FieldProps) {
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })
    : children;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control}
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-600">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
