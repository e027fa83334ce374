"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Icon } from "@/components/shell/icons";
import { format } from "@/lib/i18n/format";

export interface DictationLabels {
  /** The button's name, saying which field it writes in ("Dicter le problème"); its visible word is `button`. */
  start: string;
  button: string;
  stop: string;
  stopButton: string;
  listening: string;
  /** "Entendu : « {text} »": what is being heard, before it is written. */
  heard: string;
  denied: string;
  noSpeech: string;
  unavailable: string;
}

// The Web Speech API as Chrome (webkit-prefixed), Safari and the standard name it;
// TypeScript's DOM library does not declare it.
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  start(): void;
  stop(): void;
  abort(): void;
  onresult: ((event: { resultIndex: number; results: SpeechRecognitionResultList }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
}
type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | undefined {
  const speech = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return speech.SpeechRecognition ?? speech.webkitSpeechRecognition;
}

// Once recognition turned out not to work in this tab, every microphone of the page goes, not only the one pressed.
let failedHere = false;
const watchers = new Set<() => void>();
function watch(changed: () => void) {
  watchers.add(changed);
  return () => watchers.delete(changed);
}
function giveUp() {
  failedHere = true;
  watchers.forEach((changed) => changed());
}
const usable = () => !failedHere && recognitionClass() !== undefined;

/** Errors after which this browser will not recognise speech here (no service, no language, no microphone). */
const UNAVAILABLE = new Set(["network", "service-not-allowed", "language-not-supported", "audio-capture"]);

/**
 * Writes `heard` where the person left the caret in the field (after its text when
 * they never put it there), a space on each side where words would touch, and
 * tells the page as typing would (drafts, counters).
 */
export function insertHeard(field: HTMLInputElement | HTMLTextAreaElement, heard: string, atCaret: boolean) {
  const text = heard.trim();
  if (!text) return;
  const start = atCaret ? (field.selectionStart ?? field.value.length) : field.value.length;
  const end = atCaret ? (field.selectionEnd ?? start) : start;
  const before = field.value.slice(0, start);
  const after = field.value.slice(end);
  const inserted = `${before && !/\s$/.test(before) ? " " : ""}${text}${after && !/^\s/.test(after) ? " " : ""}`;
  field.value = before + inserted + after;
  field.setSelectionRange(before.length + inserted.length, before.length + inserted.length);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

interface DictationButtonProps {
  /** The id of the field the words go into. */
  target: string;
  /** BCP 47: fr-CA or en-CA, the page's language. */
  lang: string;
  labels: DictationLabels;
  /** After words were written in the field. */
  onHeard?: () => void;
  /** Beside the button, on its row (another button of the field). */
  children?: React.ReactNode;
  className?: string;
  /** Added to the button's own classes: its width in the row. */
  buttonClassName?: string;
}

/**
 * A microphone for a text field: the browser's speech recognition (Chrome on
 * Android, Safari on iOS) writes what is said into the field, where it can be
 * corrected. Where the browser has none the button is not there; where it turns
 * out not to work (no recognition service, microphone refused) it says so in words,
 * and goes when it cannot work at all.
 */
export function DictationButton({ target, lang, labels, onHeard, children, className, buttonClassName = "" }: DictationButtonProps) {
  const supported = useSyncExternalStore(watch, usable, () => false);
  const [listening, setListening] = useState(false);
  /** What the button says under its row: progress while listening (gone at the end), or why it did not work. */
  const [notice, setNotice] = useState<{ text: string; progress: boolean } | null>(null);
  const recognition = useRef<Recognition | null>(null);
  /** Whether the person put the caret in the field: then words go there, else after its text. */
  const caretPlaced = useRef(false);

  useEffect(() => {
    const field = document.getElementById(target);
    const placed = () => (caretPlaced.current = true);
    field?.addEventListener("focus", placed);
    return () => field?.removeEventListener("focus", placed);
  }, [target]);

  // Leaving the page while listening frees the microphone.
  useEffect(() => () => recognition.current?.abort(), []);

  function start() {
    const Recognition = recognitionClass();
    const field = document.getElementById(target);
    if (!Recognition || !(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
    const listener = new Recognition();
    listener.lang = lang;
    listener.interimResults = true;
    listener.continuous = false;
    listener.maxAlternatives = 1;
    let wrote = false;
    listener.onresult = (event) => {
      let pending = "";
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i]!;
        const said = result[0]?.transcript ?? "";
        if (result.isFinal) {
          insertHeard(field, said, caretPlaced.current);
          caretPlaced.current = true;
          wrote ||= said.trim() !== "";
        } else pending += said;
      }
      setNotice({ text: pending.trim() ? format(labels.heard, { text: pending.trim() }) : labels.listening, progress: true });
    };
    listener.onerror = (event) => {
      if (event.error === "aborted") return;
      if (UNAVAILABLE.has(event.error)) giveUp();
      setNotice({ text: event.error === "not-allowed" ? labels.denied : event.error === "no-speech" ? labels.noSpeech : labels.unavailable, progress: false });
    };
    listener.onend = () => {
      recognition.current = null;
      setListening(false);
      setNotice((last) => (last?.progress ? null : last));
      if (wrote) onHeard?.();
    };
    recognition.current = listener;
    setNotice({ text: labels.listening, progress: true });
    setListening(true);
    try {
      listener.start();
    } catch {
      recognition.current = null;
      setListening(false);
      setNotice({ text: labels.unavailable, progress: false });
    }
  }

  function press() {
    if (listening) recognition.current?.stop();
    else start();
  }

  // The button goes when it cannot work: keyboard focus goes to its field rather than to the page.
  useEffect(() => {
    if (!supported && notice && document.activeElement === document.body) document.getElementById(target)?.focus();
  }, [supported, notice, target]);

  const shown = supported;
  return (
    <div className={className}>
      {(shown || children) && (
        <div className="flex flex-wrap items-center gap-2">
          {shown && (
            <button
              type="button"
              onClick={press}
              aria-label={listening ? labels.stop : labels.start}
              className={`${listening ? "btn-primary" : "btn-secondary"} min-h-12 gap-2 px-4 ${buttonClassName}`}
              data-testid="dictation"
            >
              <Icon name={listening ? "stop" : "mic"} className="h-5 w-5" />
              <span aria-hidden="true">{listening ? labels.stopButton : labels.button}</span>
            </button>
          )}
          {children}
        </div>
      )}
      {/* Always there, empty at rest: a live region must exist before what it says. */}
      <p aria-live="polite" className="text-sm text-slate-700 not-empty:mt-2">
        {notice?.text}
      </p>
    </div>
  );
}
