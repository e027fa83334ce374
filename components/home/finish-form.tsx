"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { FilePicker } from "@/components/ui/file-picker";
import { useWorkActions, type WorkStep } from "./work-actions";

export interface FinishLabels {
  note: string;
  comment: string;
  addPhoto: string;
  /** "Retirer {name}": a chosen photo taken out before sending. */
  removeFile: string;
  /** The longest comment the server takes (MAX_TICKET_TEXT, passed in: the model stays out of the browser's bundle). */
  maxLength: number;
}

interface FinishFormProps {
  step: WorkStep;
  label: string;
  /** The label with the ticket, for screen readers. */
  name: string;
  labels: FinishLabels;
}

const draftKey = (id: number) => `atelier-finish-${id}`;

/**
 * "Terminé" in one tap, or with a comment and photos first: "Note ou photo" opens
 * them above the button, which then sends everything at once. The comment is kept
 * on the device while it is typed, so a refused finish (the ticket moved meanwhile)
 * or a closed tab does not lose it; it is forgotten once the ticket is finished.
 */
export function FinishForm({ step, label, name, labels }: FinishFormProps) {
  const { run, busy, working } = useWorkActions();
  const [open, setOpen] = useState(false);
  const comment = useRef<HTMLTextAreaElement>(null);
  const panel = useId();

  // The draft comes back once the form is in the page (storage is the browser's, not the server's render).
  useEffect(() => {
    const draft = localStorage.getItem(draftKey(step.id));
    if (draft && comment.current && !comment.current.value) {
      comment.current.value = draft;
      setOpen(true);
    }
  }, [step.id]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(step, new FormData(event.currentTarget), () => localStorage.removeItem(draftKey(step.id)));
  }

  function keep(event: React.ChangeEvent<HTMLTextAreaElement>) {
    const text = event.currentTarget.value;
    if (text.trim()) localStorage.setItem(draftKey(step.id), text);
    else localStorage.removeItem(draftKey(step.id));
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={name}>
      <div id={panel} hidden={!open} className="space-y-3">
        <label className="block">
          <span className="text-sm font-medium text-slate-800">{labels.comment}</span>
          <textarea ref={comment} name="comment" rows={3} maxLength={labels.maxLength} onChange={keep} className="field mt-1" />
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <FilePicker
            id={`${panel}-photos`}
            name="photos"
            label={labels.addPhoto}
            icon={<Icon name="camera" className="h-5 w-5" />}
            accept="image/*"
            multiple
            removeLabel={labels.removeFile}
          />
        </div>
      </div>
      <div className="flex gap-2">
        <button type="submit" data-step className="btn-primary min-h-12 flex-1 sm:flex-none sm:min-w-40" aria-disabled={busy !== null} aria-label={name}>
          {busy === step.id ? working : label}
        </button>
        <button type="button" className="btn-secondary min-h-12 gap-2" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
          <Icon name="note" className="h-5 w-5" />
          {labels.note}
        </button>
      </div>
    </form>
  );
}
