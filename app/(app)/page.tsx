import type { Metadata } from "next";
import { PlantOverview } from "@/components/dashboard/plant-overview";
import { DecisionsHome } from "@/components/home/decisions-home";
import { ReportsHome } from "@/components/home/reports-home";
import { WorkHome } from "@/components/home/work-home";
import { LiveTickets } from "@/components/tickets/live-tickets";
import { redirect } from "next/navigation";
import { isGuest, type StaffRole } from "@/lib/permissions";
import { asTicketReader, getCurrentUser, getMessages, requireUser, type CurrentReader } from "@/lib/request";
import { parseTicketSort, SORT_PARAM } from "@/lib/tickets/sort";
import { parseWorkScope } from "@/lib/tickets/work";

export async function generateMetadata(): Promise<Metadata> {
  const [{ t }, user] = await Promise.all([getMessages(), getCurrentUser()]);
  return { title: user && !isGuest(user) ? t.home.title[user.role as StaffRole] : t.meta.title };
}

/**
 * Each role lands on its own work: a technician on "Mon travail", an operator on
 * their reports, a supervisor on what waits for a decision, an admin on the plant;
 * a guest on their conversations, the one thing they have.
 */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const signedIn = await requireUser({ guests: true });
  if (isGuest(signedIn)) redirect("/messages");
  const user = await asTicketReader(signedIn);
  // Live: a ticket moved, taken or reported anywhere shows on every open home (lib/tickets/live.ts).
  return (
    <>
      <LiveTickets />
      {homeOf(user, await searchParams)}
    </>
  );
}

function homeOf(user: CurrentReader, params: Record<string, string | string[] | undefined>) {
  switch (user.role) {
    case "technician":
      return <WorkHome user={user} scope={parseWorkScope(params.show)} sort={parseTicketSort(params[SORT_PARAM])} />;
    case "operator":
      return <ReportsHome user={user} />;
    case "supervisor":
      return <DecisionsHome />;
    case "admin":
      return <PlantOverview user={user} />;
    case "guest":
      return null;
  }
}
