"use client";

import { useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { formatClock } from "@/lib/format";

interface AudioPlayerProps {
  src: string;
  /**
   * The length as the recorder measured it. The file's own often says nothing:
   * Chromium's MediaRecorder writes WebM without a duration, which its player
   * reads as Infinity (a "0:00" that never ends), so the length is never read from it.
   */
  seconds: number;
  /** What the note is, for screen readers ("Note vocale de Marc, 0:12"). */
  label: string;
  labels: { play: string; pause: string };
}

/**
 * A voice note as chat apps show one: play or pause, how far it has played, and its
 * real length. One round button (44 px) rather than the browser's player, whose
 * bar is as wide as a phone and whose length is wrong for a recorded WebM file.
 */
export function AudioPlayer({ src, seconds, label, labels }: AudioPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [at, setAt] = useState(0);
  const played = seconds > 0 ? Math.min(1, at / seconds) : 0;
  return (
    <div role="group" aria-label={label} className="flex items-center gap-2" data-testid="voice-note">
      <button
        type="button"
        onClick={() => (audio.current?.paused ? void audio.current.play().catch(() => setPlaying(false)) : audio.current?.pause())}
        aria-label={playing ? labels.pause : labels.play}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-full bg-slate-900 text-white hover:bg-slate-700"
      >
        <Icon name={playing ? "pause" : "play"} className="h-5 w-5" />
      </button>
      <span aria-hidden="true" className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-300 sm:w-28">
        <span className="block h-full bg-slate-900" style={{ width: `${played * 100}%` }} />
      </span>
      <span className="text-xs whitespace-nowrap text-slate-700 tabular-nums" data-testid="voice-duration">
        {playing || at > 0 ? `${formatClock(at)} / ` : ""}
        {formatClock(seconds)}
      </span>
      <audio
        ref={audio}
        src={src}
        preload="none"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          setAt(0);
        }}
        onTimeUpdate={(event) => setAt(Math.min(seconds, event.currentTarget.currentTime))}
      />
    </div>
  );
}
