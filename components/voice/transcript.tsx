"use client";

import { useEffect, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { TextAreaField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import { MAX_TRANSCRIPT, type TranscriptLabels } from "@/lib/voice/model";

interface TranscriptProps<T> {
  /** The note's id for the action (a message's, or a ticket's media row). */
  id: number;
  text: string;
  edited: boolean;
  /** Only the note's author corrects its text. */
  editable: boolean;
  save: FormAction<T>;
  /** After a saved correction (a conversation puts the message it got back in its list). */
  onSaved?: (data: T) => void;
  labels: TranscriptLabels;
}

/**
 * A voice note's text under its player (lib/voice/), marked as the model's, and
 * corrected in place by its author: the text becomes a box with Save and Cancel.
 */
export function Transcript<T>({ id, text, edited, editable, save, onSaved, labels }: TranscriptProps<T>) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const buttons = useRef<HTMLDivElement>(null);
  // Open, Save and Cancel are on screen, not under a phone's bars; back from the box
  // (saved or cancelled), the keyboard is where it started.
  useEffect(() => {
    if (editing) buttons.current?.scrollIntoView({ block: "nearest" });
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const saveAndClose: FormAction<T> = async (data) => {
    const result = await save(data);
    if (result.ok) {
      onSaved?.(result.data);
      setEditing(false);
    }
    return result;
  };

  return (
    <div className="mt-1 space-y-1" data-testid="transcript">
      <div className="flex items-center gap-2">
        <p className="min-w-0 text-xs text-slate-600">
          {labels.automatic}
          {edited && <span data-testid="transcript-edited"> · {labels.edited}</span>}
        </p>
        {editable && !editing && (
          <button
            ref={editButton}
            type="button"
            onClick={() => setEditing(true)}
            aria-label={labels.edit}
            className="-my-1 ml-auto inline-flex min-h-10 shrink-0 items-center gap-1 rounded-md px-2 text-sm text-slate-700 underline hover:bg-slate-200/70"
          >
            <Icon name="note" className="h-4 w-4" />
            {labels.editShort}
          </button>
        )}
      </div>
      {editing ? (
        // A long press in the box is the phone's own (select, paste), not the message's actions menu around it.
        <div onPointerDown={(event) => event.stopPropagation()} onContextMenu={(event) => event.stopPropagation()}>
          <ActionForm action={saveAndClose} className="space-y-2">
            <input type="hidden" name="id" value={id} />
            <TextAreaField
              id={`transcript-${id}`}
              name="text"
              label={labels.editLabel}
              defaultValue={text}
              rows={3}
              limit={{ max: MAX_TRANSCRIPT, counter: labels.counter, over: labels.overLimit }}
              autoFocus
            />
            {/* Clear of the tab bar and, on a ticket, of its action bar (--action-bar-height). */}
            <div ref={buttons} className="flex scroll-mb-[calc(var(--action-bar-height,0px)+4rem+env(safe-area-inset-bottom))] flex-wrap gap-2 md:scroll-mb-4">
              <SubmitButton pendingLabel={labels.saving} className="btn-primary min-h-11">
                {labels.save}
              </SubmitButton>
              <button type="button" className="btn-secondary min-h-11" onClick={() => setEditing(false)}>
                {labels.cancel}
              </button>
            </div>
          </ActionForm>
        </div>
      ) : (
        <p className="text-sm whitespace-pre-wrap break-words text-slate-900">{text}</p>
      )}
    </div>
  );
}
