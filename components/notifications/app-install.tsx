"use client";

import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n";
import { registerServiceWorker } from "./service-worker";

/** Chrome's install prompt event (not in TypeScript's DOM types). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

const ASKED_KEY = "atelier-install-asked";

/**
 * Registers the service worker on every page (push, offline page), and offers to
 * install Atelier once: when the browser says it can, until the person answers.
 */
export function AppInstall({ locale, labels }: { locale: Locale; labels: { prompt: string; install: string; later: string } }) {
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);

  useEffect(() => {
    void registerServiceWorker(locale);
  }, [locale]);

  useEffect(() => {
    const offer = (event: Event) => {
      event.preventDefault();
      if (localStorage.getItem(ASKED_KEY)) return;
      setPrompt(event as InstallPromptEvent);
    };
    window.addEventListener("beforeinstallprompt", offer);
    return () => window.removeEventListener("beforeinstallprompt", offer);
  }, []);

  if (!prompt) return null;
  const answer = async (install: boolean) => {
    localStorage.setItem(ASKED_KEY, "1");
    setPrompt(null);
    if (install) await prompt.prompt();
  };
  return (
    <div role="region" aria-label={labels.prompt} className="fixed inset-x-3 bottom-3 z-40 mx-auto flex max-w-md flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
      <p className="flex-1 font-medium">{labels.prompt}</p>
      <button type="button" className="btn-secondary" onClick={() => void answer(false)}>
        {labels.later}
      </button>
      <button type="button" className="btn-primary" onClick={() => void answer(true)}>
        {labels.install}
      </button>
    </div>
  );
}
