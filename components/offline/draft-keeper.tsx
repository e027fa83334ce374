"use client";

import { useEffect, useRef } from "react";
import { useOffline } from "./offline-provider";

// What a person types in a form (a report, a comment, a message) is kept on the
// device as they type, per person and per form, so that a closed tab, a failed
// upload or an error page loses none of it: the form finds it again when it opens,
// and it goes once the form's action was sent or kept in the outbox.

const key = (owner: number, name: string) => `atelier-draft:${owner}:${name}`;

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The form's text fields: what a person types (not choices, not files, not hidden values). */
function textFields(form: HTMLFormElement): TextField[] {
  return Array.from(form.elements).filter(
    (field): field is TextField =>
      (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && ["text", "search"].includes(field.type))) && !!field.name,
  );
}

function read(storageKey: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

/** Forgets the draft once what it held was sent (or kept in the outbox). */
export function clearDraft(owner: number, name: string): void {
  try {
    localStorage.removeItem(key(owner, name));
  } catch {
    // Storage unavailable (private mode): there was nothing kept either.
  }
}

/**
 * Put inside a form: restores the text fields the person left untouched from the
 * draft named `name`, and keeps what they type. Clearing is the sender's job
 * (clearDraft), once the action is sent: a reset form is not a sent one.
 */
export function DraftKeeper({ name }: { name: string }) {
  const offline = useOffline();
  const marker = useRef<HTMLSpanElement>(null);
  const owner = offline?.owner;

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form || owner === undefined) return;
    const storageKey = key(owner, name);
    const saved = read(storageKey);
    for (const field of textFields(form)) {
      const text = saved[field.name];
      if (!text || field.value !== field.defaultValue) continue;
      field.value = text;
      // Counters and growing boxes follow typing: the restored text is announced the same way.
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const keep = () => {
      const typed = Object.fromEntries(textFields(form).flatMap((field) => (field.value.trim() ? [[field.name, field.value]] : [])));
      try {
        if (Object.keys(typed).length) localStorage.setItem(storageKey, JSON.stringify(typed));
        else localStorage.removeItem(storageKey);
      } catch {
        // Storage full or unavailable: the page still holds the text.
      }
    };
    form.addEventListener("input", keep);
    return () => form.removeEventListener("input", keep);
  }, [owner, name]);

  return <span ref={marker} hidden />;
}
