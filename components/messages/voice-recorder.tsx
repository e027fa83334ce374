"use client";

import { useEffect, useRef, useState } from "react";
import { MAX_AUDIO_SECONDS } from "@/lib/file-types";
import { formatClock } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n";

type Recording = { state: "idle" } | { state: "recording"; seconds: number } | { state: "recorded"; url: string; seconds: number };

// What MediaRecorder can write here, in order of preference: Chromium and Firefox
// write WebM/Opus, Safari MP4/AAC. The server checks the bytes anyway.
const containers = ["audio/webm;codecs=opus", "audio/webm", "audio/mp4", "audio/ogg;codecs=opus"];

/**
 * Tap to record, see the time, stop, listen, then send with the form or discard.
 * The recording goes into the form as a file field ("audio") with its length in
 * seconds ("audioDuration"), so the composer's one form sends it like a photo.
 */
export function VoiceRecorder({ t }: { t: Messages["messages"]["composer"] }) {
  const [recording, setRecording] = useState<Recording>({ state: "idle" });
  const [denied, setDenied] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const durationInput = useRef<HTMLInputElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);

  function clear() {
    setRecording((last) => {
      if (last.state === "recorded") URL.revokeObjectURL(last.url);
      return { state: "idle" };
    });
    if (fileInput.current) fileInput.current.value = "";
    if (durationInput.current) durationInput.current.value = "";
  }

  // The form's reset after a sent message empties the recording too.
  useEffect(() => {
    const form = fileInput.current?.form;
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);

  useEffect(() => {
    if (recording.state !== "recording") return;
    if (recording.seconds >= MAX_AUDIO_SECONDS) recorder.current?.stop();
  }, [recording]);

  async function start() {
    setDenied(false);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setDenied(true);
      return;
    }
    const mimeType = containers.find((type) => MediaRecorder.isTypeSupported(type));
    const media = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    const started = performance.now();
    const timer = setInterval(() => setRecording({ state: "recording", seconds: (performance.now() - started) / 1000 }), 250);
    media.ondataavailable = (event) => chunks.push(event.data);
    media.onstop = () => {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
      const seconds = Math.min(MAX_AUDIO_SECONDS, Math.max(1, Math.round((performance.now() - started) / 1000)));
      const type = media.mimeType || "audio/webm";
      const file = new File(chunks, `note.${type.includes("mp4") ? "m4a" : type.includes("ogg") ? "ogg" : "webm"}`, { type });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      if (fileInput.current) fileInput.current.files = transfer.files;
      if (durationInput.current) durationInput.current.value = String(seconds);
      setRecording({ state: "recorded", url: URL.createObjectURL(file), seconds });
    };
    recorder.current = media;
    media.start();
    setRecording({ state: "recording", seconds: 0 });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <input ref={fileInput} type="file" name="audio" hidden tabIndex={-1} aria-hidden="true" />
      <input ref={durationInput} type="hidden" name="audioDuration" />
      {recording.state === "idle" && (
        <button type="button" className="btn-secondary min-h-11" onClick={start}>
          🎤 {t.record}
        </button>
      )}
      {recording.state === "recording" && (
        <>
          <span role="status" className="text-sm font-medium text-red-700" data-testid="recording">
            {format(t.recording, { time: formatClock(recording.seconds) })}
          </span>
          <button type="button" className="btn-secondary min-h-11" onClick={() => recorder.current?.stop()}>
            ■ {t.stop}
          </button>
        </>
      )}
      {recording.state === "recorded" && (
        <>
          <audio controls src={recording.url} className="w-56 max-w-full" data-testid="recorded-note" />
          <span className="text-xs text-slate-600">{formatClock(recording.seconds)}</span>
          <button type="button" className="btn-ghost min-h-11 text-sm" onClick={clear}>
            {t.discard}
          </button>
        </>
      )}
      {denied && (
        <p role="alert" className="w-full text-sm text-red-700">
          {t.micDenied}
        </p>
      )}
    </div>
  );
}
