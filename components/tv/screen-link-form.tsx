"use client";

import { useState } from "react";
import { SelectField, TextField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n";

type Labels = Messages["tv"]["admin"]["links"];

interface ScreenLinkFormProps {
  /** Set: the form edits this screen's name and language. Otherwise it makes a new one. */
  link?: { id: number; name: string; locale: string };
  create?: FormAction<{ id: number; path: string }>;
  update?: FormAction<{ id: number }>;
  languages: { value: string; label: string }[];
  labels: Labels;
}

/**
 * A screen's name and language. Made new, its link is shown once, under the form,
 * to copy: the server keeps only its hash (lib/tv/secret.ts).
 */
export function ScreenLinkForm({ link, create, update, languages, labels }: ScreenLinkFormProps) {
  const [made, setMade] = useState<{ name: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const idPart = link ? `-${link.id}` : "";

  async function save(data: FormData) {
    if (link) return update!(data);
    const result = await create!(data);
    if (result.ok) {
      setMade({ name: String(data.get("name") ?? "").trim(), url: new URL(result.data.path, location.origin).href });
      setCopied(false);
    }
    return result;
  }

  return (
    <div className="space-y-3">
      <ActionForm action={save} successMessage={link ? labels.saved : undefined} resetOnSuccess={!link} className="space-y-4" aria-label={link ? labels.edit : labels.newHeading}>
        {link && <input type="hidden" name="id" value={link.id} />}
        <TextField id={`screen-name${idPart}`} name="name" label={labels.name} help={labels.nameHelp} defaultValue={link?.name} required maxLength={80} />
        <SelectField id={`screen-locale${idPart}`} name="locale" label={labels.language} defaultValue={link?.locale ?? "fr"} options={languages} />
        <SubmitButton pendingLabel={link ? labels.saving : labels.creating} className="btn-primary w-full sm:w-auto">
          {link ? labels.save : labels.create}
        </SubmitButton>
      </ActionForm>
      {made && (
        // The link itself is shown once, here, never as a message: the page forgets it when it is left.
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="screen-link-once">
          <p className="text-sm font-medium text-amber-900">{format(labels.shownOnce, { name: made.name })}</p>
          <label htmlFor="screen-link-url" className="sr-only">
            {labels.linkLabel}
          </label>
          <input id="screen-link-url" readOnly value={made.url} onFocus={(event) => event.currentTarget.select()} className="field font-mono text-sm" />
          <button type="button" className="btn-secondary w-full sm:w-auto" onClick={() => navigator.clipboard?.writeText(made.url).then(() => setCopied(true))}>
            {copied ? labels.copied : labels.copy}
          </button>
        </div>
      )}
    </div>
  );
}
