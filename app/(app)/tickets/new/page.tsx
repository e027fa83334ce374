import type { Metadata } from "next";
import Link from "next/link";
import { TicketForm } from "@/components/tickets/ticket-form";
import { PendingItems } from "@/components/offline/pending-items";
import { getDb } from "@/lib/db/client";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/request";
import { listMachines } from "@/lib/machines/queries";
import { machineLabel } from "@/lib/machines/model";
import { requireTicketReader } from "@/lib/request";
import { findSourceMessage } from "@/lib/messages/queries";
import { MAX_TICKET_TEXT } from "@/lib/tickets/model";
import { sentenceReportView } from "@/lib/tickets/sentence-report";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.tickets.create.title };
}

export default async function NewTicketPage({ searchParams }: PageProps<"/tickets/new">) {
  const user = await requireTicketReader();
  const db = await getDb();
  const [{ t, locale }, machines, { machine, message, from, texte }] = await Promise.all([getMessages(), listMachines(db, user), searchParams]);
  // "Créer un ticket" on a message: the report starts from its text and photos.
  const source = typeof message === "string" && /^\d{1,10}$/.test(message) ? await findSourceMessage(db, user, Number(message)) : null;
  // A message already reported: said with the link, and the form starts empty (the server would refuse the same report).
  const reported = source?.ticketId ?? null;
  // The form filled from one sentence: the message's text, or ?texte= (what the voice button opens), read as the sentence field reads it.
  const sentence = typeof texte === "string" ? texte.trim().slice(0, MAX_TICKET_TEXT) : "";
  const said = source ? (reported ? "" : source.content) : sentence;
  const fill = said.trim() ? { view: sentenceReportView(said, locale, machines), from: source ? ("message" as const) : ("sentence" as const), sentence: source ? undefined : sentence } : undefined;
  // An address naming a machine that is gone (the label of a removed machine): said, and the field left to choose.
  const named = typeof machine === "string" && /^\d{1,10}$/.test(machine) ? Number(machine) : undefined;
  const missing = named !== undefined && !machines.some((m) => m.id === named);
  const words = t.tickets.create;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{t.tickets.create.title}</h1>
      <p className="mb-5 text-slate-600">{t.tickets.create.intro}</p>
      {reported && (
        <p role="status" className="mb-5 rounded-md border border-amber-300 bg-amber-50 px-3 py-2" data-testid="already-reported">
          {format(t.tickets.create.alreadyReported, { ticket: reported })}{" "}
          <Link href={`/tickets/${encodeURIComponent(reported)}`} className="font-medium underline">
            {format(t.messages.conversation.openTicket, { ticket: reported })}
          </Link>
        </p>
      )}
      {machines.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4">{t.tickets.create.noMachines}</p>
      ) : (
        <TicketForm
          machines={machines.map((m) => ({ id: m.id, label: machineLabel(m) }))}
          machineId={named ?? fill?.view.machineId ?? undefined}
          machineNotice={missing ? format(from === "label" ? words.unknownLabelMachine : words.unknownMachine, { id: String(named) }) : undefined}
          fromMessage={source && !reported ? { id: source.id, photoIds: source.photos.map((p) => p.id) } : undefined}
          fill={fill}
          cameraFirst={from === "label"}
          t={t}
          locale={locale}
        />
      )}
      {/* [offline] The reports this device still holds, and those it sent since. */}
      <PendingItems kind="report" className="mt-6 space-y-2" />
    </div>
  );
}
