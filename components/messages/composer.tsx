"use client";

import { useEffect, useRef } from "react";
import { Icon } from "@/components/shell/icons";
import { TextAreaField } from "@/components/ui/fields";
import { FilePicker } from "@/components/ui/file-picker";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import { VoiceRecorder } from "@/components/ui/voice-recorder";
import type { Messages } from "@/lib/i18n";
import { MAX_TEXT, type MessageView } from "@/lib/messages/model";
import { DraftKeeper } from "@/components/offline/draft-keeper";

interface ComposerProps {
  /** Sends the form's data; the conversation view shows the message at once and settles it with the result. */
  send: FormAction<MessageView | null>;
  /** Put in the text box once, not as its default: sending empties the box. */
  draft?: string;
  /** [offline] What is typed is kept on the device under this name until it is sent (components/offline/draft-keeper.tsx). */
  draftName: string;
  t: Messages["messages"]["composer"];
  /** "Retirer {name}": a chosen photo taken out before sending. */
  removeFile: string;
}

/** The text box grows with what is typed up to this height (about five lines), then scrolls. */
const MAX_BOX_PX = 132;
const iconButton = "inline-flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100";

/** The box's height follows its text, between one line and MAX_BOX_PX. */
function fitHeight(box: HTMLTextAreaElement) {
  box.style.height = "auto";
  box.style.height = `${Math.min(box.scrollHeight + 2, MAX_BOX_PX)}px`;
}

/**
 * One row at rest, as chat apps have it: attach photos, the text box, the
 * microphone, send. What is on its way (photos chosen, a recording, a recorded
 * note) shows above the row, and the row stays. Sticky at the bottom (above the
 * phone tab bar), so it stays above a phone's keyboard.
 */
export function Composer({ send, draft, draftName, t, removeFile }: ComposerProps) {
  const box = useRef<HTMLDivElement>(null);
  const text = () => box.current?.querySelector("textarea") ?? null;

  useEffect(() => {
    const field = text();
    if (!draft || !field) return;
    field.value = draft;
    // The counter follows typing; a value set here is announced to it the same way.
    field.dispatchEvent(new Event("input", { bubbles: true }));
    fitHeight(field);
  }, [draft]);

  useEffect(() => {
    const field = text();
    const form = field?.form;
    if (!field || !form) return;
    // A sent message empties the box (a reset, which fires no input event), and a refused one puts its text back.
    const refit = () => requestAnimationFrame(() => fitHeight(field));
    form.addEventListener("reset", refit);
    field.addEventListener("input", refit);
    // A kept draft was put back before this ran (DraftKeeper is a child): fit it now.
    fitHeight(field);
    return () => {
      form.removeEventListener("reset", refit);
      field.removeEventListener("input", refit);
    };
  }, []);

  return (
    <ActionForm
      action={send}
      resetOnSubmit
      aria-label={t.form}
      className="sticky bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-10 -mx-3 border-t border-slate-200 bg-white/95 px-2 py-2 backdrop-blur md:bottom-0 md:mx-0 md:rounded-t-lg md:px-3"
    >
      <DraftKeeper name={draftName} />
      <div className="flex flex-wrap items-end gap-1">
        <FilePicker
          name="photos"
          label={t.photos}
          icon={<Icon name="attach" className="h-6 w-6" />}
          iconOnly
          accept="image/*"
          multiple
          removeLabel={removeFile}
          buttonClassName={iconButton}
          previewClassName="order-first mb-1 basis-full"
        />
        <div ref={box} className="min-w-0 flex-1">
          <TextAreaField
            name="content"
            label={t.label}
            hideLabel
            placeholder={t.placeholder}
            rows={1}
            // The counter only once it matters: at rest the composer is one row.
            limit={{ max: MAX_TEXT, counter: t.counter, over: t.overLimit, from: Math.floor(MAX_TEXT * 0.9) }}
            className="max-h-33 min-h-11 resize-none rounded-3xl py-2.5 leading-6"
          />
        </div>
        <VoiceRecorder labels={t} buttonClassName={iconButton} previewClassName="order-first mb-1 basis-full" />
        <SubmitButton
          pendingLabel={
            <>
              <Icon name="send" className="h-5 w-5 opacity-60" />
              <span className="sr-only">{t.sending}</span>
            </>
          }
          className={`${iconButton} bg-slate-900 text-white hover:bg-slate-700`}
        >
          <Icon name="send" className="h-5 w-5" />
          <span className="sr-only">{t.send}</span>
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
