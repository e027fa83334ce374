import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format";
import type { DeliveryStatus, getDelivery } from "@/lib/webhooks/queries";
import { ResendButton } from "./resend-button";

interface DeliveryDetailProps {
  delivery: NonNullable<Awaited<ReturnType<typeof getDelivery>>>;
  t: Messages;
  locale: Locale;
  timeZone: string;
}

function prettyJson(text: string) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function DeliveryDetail({ delivery, t, locale, timeZone }: DeliveryDetailProps) {
  const d = t.notifications.detail;
  const when = (date: Date | null) => (date ? formatDateTime(date, locale, timeZone) : t.common.none);
  const facts: [string, React.ReactNode][] = [
    [d.ticket, `${delivery.ticket.ticketId} · ${delivery.ticket.title}`],
    [d.status, t.notifications.log.status[delivery.deliveryStatus as DeliveryStatus] ?? delivery.deliveryStatus],
    [d.webhookId, <code key="id">{delivery.webhookId}</code>],
    [d.sentAt, when(delivery.sentAt)],
    [d.nextAttempt, when(delivery.nextAttemptAt)],
  ];
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{format(d.title, { id: delivery.id })}</h1>
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[auto_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <ResendButton id={delivery.id} t={d} common={t.common} disabled={!delivery.payload} />
      <section aria-labelledby="payload-title" className="space-y-2">
        <h2 id="payload-title" className="text-lg font-semibold">
          {d.payload}
        </h2>
        {delivery.payload ? (
          <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100" data-testid="payload">
            {prettyJson(delivery.payload)}
          </pre>
        ) : (
          <p className="text-slate-600">{d.noPayload}</p>
        )}
      </section>
      <section aria-labelledby="attempts-title" className="space-y-2">
        <h2 id="attempts-title" className="text-lg font-semibold">
          {d.attempts}
        </h2>
        {delivery.attemptsLog.length === 0 ? (
          <p className="text-slate-600">{d.attemptsEmpty}</p>
        ) : (
          <ol className="space-y-3" data-testid="attempts">
            {delivery.attemptsLog.map((a) => (
              <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {format(d.attempt, { n: a.attemptNumber })} · {d.trigger[a.trigger as keyof typeof d.trigger] ?? a.trigger} ·{" "}
                  {formatDateTime(a.startedAt, locale, timeZone)} · {format(d.duration, { ms: a.durationMs })}
                </p>
                <p>
                  {format(t.common.labelled, { label: d.responseStatus, value: a.responseStatus ?? t.common.none })}
                  {a.error && (
                    <>
                      {" "}
                      · {format(t.common.labelled, { label: d.error, value: a.error })}
                    </>
                  )}
                </p>
                {a.responseBody && <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">{a.responseBody}</pre>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
