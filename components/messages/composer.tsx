"use client";

import { useEffect, useRef } from "react";
import { Field, TextAreaField } from "@/components/ui/fields";
import { ActionForm, SubmitButton, type FormAction } from "@/components/ui/form";
import type { Messages } from "@/lib/i18n";
import { MAX_TEXT, type MessageView } from "@/lib/messages/model";
import { VoiceRecorder } from "./voice-recorder";
import { DraftKeeper } from "@/components/offline/draft-keeper";

interface ComposerProps {
  /** Sends the form's data; the conversation view shows the message at once and settles it with the result. */
  send: FormAction<MessageView | null>;
  /** Put in the text box once, not as its default: sending empties the box. */
  draft?: string;
  /** [offline] What is typed is kept on the device under this name until it is sent (components/offline/draft-keeper.tsx). */
  draftName: string;
  t: Messages["messages"]["composer"];
}

/** Text, photos and a voice note in one form; sticky at the bottom (above the phone tab bar) so it stays above a phone's keyboard. */
export function Composer({ send, draft, draftName, t }: ComposerProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const text = box.current?.querySelector("textarea");
    if (!draft || !text) return;
    text.value = draft;
    // The counter follows typing; a value set here is announced to it the same way.
    text.dispatchEvent(new Event("input", { bubbles: true }));
  }, [draft]);
  return (
    <ActionForm action={send} resetOnSubmit className="sticky bottom-[calc(3.5rem+env(safe-area-inset-bottom))] space-y-2 md:bottom-0 border-t border-slate-200 bg-white/95 py-3 backdrop-blur">
      <DraftKeeper name={draftName} />
      <div ref={box}>
        <TextAreaField
          name="content"
          label={t.label}
          placeholder={t.placeholder}
          rows={2}
          limit={{ max: MAX_TEXT, counter: t.counter, over: t.overLimit }}
          className="resize-y"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Field name="photos" label={t.photos}>
          {(control) => <input {...control} type="file" accept="image/*" multiple className="block max-w-56 text-sm" />}
        </Field>
        <VoiceRecorder t={t} />
        <div className="ml-auto">
          <SubmitButton pendingLabel={t.sending}>{t.send}</SubmitButton>
        </div>
      </div>
    </ActionForm>
  );
}
