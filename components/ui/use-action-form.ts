"use client";

import { useState, useTransition } from "react";
import type { ServerAction } from "@/lib/action";
import type { ActionResult } from "@/lib/operation";

interface ActionFormOptions<T> {
  /** Empty the fields after success (passwords); other forms keep what was typed. */
  resetOnSuccess?: boolean;
  onSuccess?: (data: T) => void;
}

/**
 * Submits a form to a server action without React's automatic form reset, so
 * a refused submission keeps what the user typed next to the field errors.
 */
export function useActionForm<T>(action: ServerAction<T>, options: ActionFormOptions<T> = {}) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const result = await action(data);
      setState(result);
      if (result.ok) {
        if (options.resetOnSuccess) form.reset();
        options.onSuccess?.(result.data);
      }
    });
  }

  return { state, pending, onSubmit, clear: () => setState(null) };
}
