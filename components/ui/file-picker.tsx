"use client";

import { useEffect, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { format } from "@/lib/i18n/format";
import { errorAttributes, useActionFormState } from "./form";

interface FilePickerProps {
  name: string;
  /** The button's words, and the file input's name for screen readers. */
  label: string;
  /** Drawn before the words; with `iconOnly`, instead of them (they stay the accessible name). */
  icon?: React.ReactNode;
  iconOnly?: boolean;
  accept?: string;
  multiple?: boolean;
  /** Phones open the camera straight away. */
  capture?: "environment" | "user";
  required?: boolean;
  help?: string;
  /** Defaults to `field-{name}`: give another when two pickers share a name on one page. */
  id?: string;
  /** "Retirer {name}": the remove button of each chosen file. */
  removeLabel?: string;
  /** Classes of the button (a label styled as one). */
  buttonClassName?: string;
  /** Classes of the chosen files' strip: in a one-row composer, `order-first basis-full` puts it above the row. */
  previewClassName?: string;
  /** Called once files are chosen (a form that sends them at once); the strip is then not shown. */
  onChoose?: (input: HTMLInputElement) => void;
  onChange?: () => void;
}

interface Chosen {
  name: string;
  /** An object URL, for images only. */
  url: string | null;
}

/**
 * The app's own file button, worded in the person's language: the browser's
 * input ("Choose Files / No file chosen", in the browser's language) is visually
 * hidden inside a label drawn as a button. It stays the one real control:
 * focusable, named by the label, opened with Enter or Space, and it carries the
 * files with the form. The chosen files show as thumbnails (images) or names,
 * each with a button that takes it out again before sending; a form reset
 * (a sent message) empties the strip too. Renders siblings, not a wrapper, so a
 * composer row can place the strip where it wants.
 */
export function FilePicker(props: FilePickerProps) {
  const { name, label, icon, iconOnly, accept, multiple, capture, required, help, removeLabel, buttonClassName = "btn-secondary gap-2", previewClassName = "" } = props;
  const { fieldErrors, formError } = useActionFormState();
  const id = props.id ?? `field-${name}`;
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const error = fieldErrors[name];
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

  // Object URLs live as long as their thumbnail.
  useEffect(() => () => chosen.forEach((file) => file.url && URL.revokeObjectURL(file.url)), [chosen]);

  useEffect(() => {
    const form = input.current?.form;
    const clear = () => setChosen([]);
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);

  function show(files: FileList | null) {
    setChosen(Array.from(files ?? [], (file) => ({ name: file.name, url: file.type.startsWith("image/") ? URL.createObjectURL(file) : null })));
  }

  function remove(index: number) {
    const element = input.current;
    if (!element?.files) return;
    const kept = new DataTransfer();
    Array.from(element.files).forEach((file, i) => i !== index && kept.items.add(file));
    element.files = kept.files;
    show(element.files);
    props.onChange?.();
    element.focus();
  }

  return (
    <>
      <label
        htmlFor={id}
        className={`relative cursor-pointer has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-amber-600 ${buttonClassName}`}
      >
        {icon}
        {iconOnly ? <span className="sr-only">{label}</span> : label}
        <input
          ref={input}
          id={id}
          name={name}
          type="file"
          accept={accept}
          multiple={multiple}
          capture={capture}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="sr-only"
          onChange={(event) => {
            props.onChange?.();
            if (props.onChoose) {
              if (event.currentTarget.files?.length) props.onChoose(event.currentTarget);
            } else show(event.currentTarget.files);
          }}
        />
      </label>
      {chosen.length > 0 && (
        <ul className={`flex flex-wrap gap-2 ${previewClassName}`} data-testid="chosen-files">
          {chosen.map((file, index) => (
            <li key={`${index}-${file.name}`} className="relative flex items-center gap-1 rounded-md border border-slate-200 bg-white p-1 pr-0.5 text-sm">
              {file.url ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local object URL: nothing for next/image to optimise
                <img src={file.url} alt={file.name} className="h-14 w-14 rounded object-cover" />
              ) : (
                <span className="max-w-48 truncate px-1">{file.name}</span>
              )}
              {removeLabel && (
                <button
                  type="button"
                  onClick={() => remove(index)}
                  className="inline-flex min-h-11 min-w-9 items-center justify-center rounded text-slate-700 hover:bg-slate-100"
                  aria-label={format(removeLabel, { name: file.name })}
                >
                  <Icon name="close" className="h-4 w-4" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-600">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700" {...errorAttributes(error, formError)}>
          {error}
        </p>
      )}
    </>
  );
}
