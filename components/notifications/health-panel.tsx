import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";

interface Run {
  id: number;
  cron: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  found: number;
  sent: number;
  failed: number;
  skipped: number;
  error: string | null;
}

interface HealthPanelProps {
  runs: Run[];
  health: { failing: boolean; count: number; lastError: string | null };
  enabled: boolean;
  hasUrl: boolean;
  now: Date;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

const STALE_AFTER_MINUTES = 15;

function Warning({ children }: { children: React.ReactNode }) {
  return <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{children}</p>;
}

export function HealthPanel({ runs, health, enabled, hasUrl, now, t, locale, timeZone }: HealthPanelProps) {
  const n = t.notifications.health;
  const last = runs[0];
  const minutesSince = last ? Math.floor((now.getTime() - last.startedAt.getTime()) / 60_000) : null;
  return (
    <section aria-labelledby="health-title" className="space-y-3">
      <h2 id="health-title" className="text-lg font-semibold">
        {n.title}
      </h2>
      <div className="space-y-2" data-testid="health-warnings">
        {!enabled && <Warning>{n.disabled}</Warning>}
        {!hasUrl && <Warning>{n.noUrl}</Warning>}
        {minutesSince === null && <Warning>{n.neverRun}</Warning>}
        {minutesSince !== null && minutesSince > STALE_AFTER_MINUTES && (
          <Warning>{format(n.noRecentRun, { minutes: minutesSince })}</Warning>
        )}
        {health.failing && <Warning>{format(n.failing, { count: health.count, error: health.lastError ?? "" })}</Warning>}
        {enabled && hasUrl && <p className="text-sm text-emerald-800">{n.enabled}</p>}
      </div>
      <h3 className="font-medium">{n.runsTitle}</h3>
      {runs.length === 0 ? (
        <p className="text-sm text-slate-600">{n.runsEmpty}</p>
      ) : (
        // Wider than a phone: the region scrolls, so the keyboard must be able to reach it (axe scrollable-region-focusable).
        <div tabIndex={0} role="region" aria-label={n.runsTitle} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700">
          <table className="w-full min-w-[36rem] text-left text-sm" data-testid="runs-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {[n.columns.started, n.columns.trigger, n.columns.outcome, n.columns.found, n.columns.sent, n.columns.failed, n.columns.skipped, n.columns.duration].map(
                  (label) => (
                    <th key={label} scope="col" className="px-3 py-2 font-medium">
                      {label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((run) => (
                <tr key={run.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(run.startedAt, locale, timeZone)}</td>
                  <td className="px-3 py-2">{run.cron ? n.triggerCron : n.triggerManual}</td>
                  <td className="px-3 py-2" title={run.error ?? undefined}>
                    {n.outcome[run.outcome as keyof typeof n.outcome] ?? run.outcome}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{run.found}</td>
                  <td className="px-3 py-2 tabular-nums">{run.sent}</td>
                  <td className="px-3 py-2 tabular-nums">{run.failed}</td>
                  <td className="px-3 py-2 tabular-nums">{run.skipped}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {run.finishedAt ? `${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s` : t.common.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
