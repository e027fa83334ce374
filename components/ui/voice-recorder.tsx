"use client";

import { useEffect, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { MAX_AUDIO_SECONDS } from "@/lib/file-types";
import { formatClock } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import { AudioPlayer } from "./audio-player";

type Recording = { state: "idle" } | { state: "recording"; seconds: number } | { state: "recorded"; url: string; seconds: number };

// What MediaRecorder can write here, in order of preference: Chromium and Firefox
// write WebM/Opus, Safari MP4/AAC. The server checks the bytes anyway.
const containers = ["audio/webm;codecs=opus", "audio/webm", "audio/mp4", "audio/ogg;codecs=opus"];

export interface VoiceRecorderLabels {
  record: string;
  stop: string;
  discard: string;
  /** "Enregistrement… {time}" */
  recording: string;
  micDenied: string;
  play: string;
  pause: string;
  /** The recorded note, for screen readers: "Votre note vocale, {duration}". */
  recorded: string;
}

interface VoiceRecorderProps {
  labels: VoiceRecorderLabels;
  /** The one button's classes: it records, then stops, then discards, so focus never leaves it. */
  buttonClassName?: string;
  /** Its words shown beside the icon (a toolbar); otherwise they are its name only (a composer row). */
  showLabel?: boolean;
  /** The strip under way (the time while recording, then the note to listen to): `order-first basis-full` in a row. */
  previewClassName?: string;
  /** Beside the recorded note: the send button of a form that sends the note on its own. */
  recordedActions?: React.ReactNode;
}

/**
 * Tap to record, see the time, stop, listen, then send with the form or discard.
 * The recording goes into the form as a file field ("audio") with its length in
 * seconds ("audioDuration"), measured here: a WebM file from MediaRecorder states
 * no length, so this is the only honest one, and the server stores it with the file.
 */
export function VoiceRecorder({ labels, buttonClassName = "btn-secondary gap-2", showLabel, previewClassName = "", recordedActions }: VoiceRecorderProps) {
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

  // Leaving the page while recording frees the microphone.
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);

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

  function press() {
    if (recording.state === "idle") void start();
    else if (recording.state === "recording") recorder.current?.stop();
    else clear();
  }
  const { icon, label } = (
    {
      idle: { icon: "mic", label: labels.record },
      recording: { icon: "stop", label: labels.stop },
      recorded: { icon: "trash", label: labels.discard },
    } as const
  )[recording.state];

  return (
    <>
      <input ref={fileInput} type="file" name="audio" hidden tabIndex={-1} aria-hidden="true" />
      <input ref={durationInput} type="hidden" name="audioDuration" />
      <button
        type="button"
        className={`${buttonClassName} ${recording.state === "recording" ? "text-red-700" : ""}`}
        onClick={press}
        aria-label={showLabel ? undefined : label}
        data-testid="voice-button"
      >
        <Icon name={icon} className="h-5 w-5 shrink-0" />
        {showLabel && <span>{label}</span>}
      </button>
      {(recording.state !== "idle" || denied) && (
        <div className={`flex flex-wrap items-center gap-2 ${previewClassName}`}>
          {recording.state === "recording" && (
            <span role="status" className="inline-flex items-center gap-2 text-sm font-medium text-red-700" data-testid="recording">
              <span aria-hidden="true" className="size-2.5 animate-pulse rounded-full bg-red-600" />
              {format(labels.recording, { time: formatClock(recording.seconds) })}
            </span>
          )}
          {recording.state === "recorded" && (
            <>
              <AudioPlayer src={recording.url} seconds={recording.seconds} label={format(labels.recorded, { duration: formatClock(recording.seconds) })} labels={labels} />
              {recordedActions}
            </>
          )}
          {denied && (
            <p role="alert" className="w-full text-sm text-red-700">
              {labels.micDenied}
            </p>
          )}
        </div>
      )}
    </>
  );
}
