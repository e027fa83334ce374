import { formatDuration, formatTime } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import type { ScreenView } from "@/lib/tv/screen";
import type { ScreenClock, ScreenWords } from "./board";

const broadcastTone = {
  urgent: "bg-red-700 text-white",
  warning: "bg-amber-400 text-slate-950",
  info: "bg-slate-800 text-white",
} as const;

/** A lead's broadcast, the whole screen's width: its urgency, its words, its image beside them. */
export function BroadcastSlide({ broadcast, words }: { broadcast: ScreenView["broadcasts"][number]; words: ScreenWords }) {
  return (
    <section aria-labelledby={`tv-broadcast-${broadcast.id}`} className={`flex h-full items-center gap-[2rem] rounded-[0.8rem] px-[2.5rem] py-[2rem] ${broadcastTone[broadcast.urgency]}`} data-testid="tv-broadcast">
      {broadcast.image && (
        // eslint-disable-next-line @next/next/no-img-element -- a screen's own route, under its link; no optimizer here
        <img src={broadcast.image} alt="" className="h-full max-h-[24rem] w-[40%] shrink-0 rounded-[0.5rem] bg-black/20 object-contain" />
      )}
      <div className="min-w-0 flex-1">
        <p className="mb-[1rem] text-[1.2rem] font-bold tracking-wide uppercase">{words.urgencies[broadcast.urgency]}</p>
        <h2 id={`tv-broadcast-${broadcast.id}`} className="text-[2.4rem] leading-tight font-bold break-words">
          {broadcast.text}
        </h2>
      </div>
    </section>
  );
}

/** A machine down: its own alert, in turn with the dashboard, until it runs again. */
export function DownSlide({ down, clock, words }: { down: ScreenView["down"][number]; clock: ScreenClock; words: ScreenWords }) {
  const since = new Date(down.since);
  return (
    <section aria-labelledby={`tv-alert-${down.machineId}`} className="flex h-full flex-col justify-center gap-[1rem] rounded-[0.8rem] bg-red-700 px-[2.5rem] py-[2rem] text-white" data-testid="tv-alert">
      <p className="text-[1.4rem] font-bold tracking-wide uppercase">{words.downAlert}</p>
      <h2 id={`tv-alert-${down.machineId}`} className="text-[3.4rem] leading-tight font-bold">
        {down.machine}
      </h2>
      <p className="text-[1.6rem]">
        {format(words.downAlertSince, { duration: formatDuration(clock.now - since.getTime(), words.duration), time: formatTime(since, clock.locale, clock.timeZone) })}
      </p>
      {down.title && <p className="text-[1.4rem] text-red-100">{down.ticket ? `${down.ticket} — ${down.title}` : down.title}</p>}
    </section>
  );
}
