import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n";
import type { GroupEvent, GroupMember } from "@/lib/messages/model";
import type { Role } from "@/lib/permissions";

/** A group's change in words: "Julie Roy a ajouté Marc Gagnon". */
export function groupEventText(event: GroupEvent, actor: string, words: Messages["messages"]["events"]): string {
  return format(words[event.kind], { actor, name: event.name });
}

/** How a group's members see a guest: "Invité · Hydro-Tech inc."; null for the plant's people. */
export function guestMark(member: Pick<GroupMember, "guest" | "company">, words: Messages["messages"]["group"]): string | null {
  if (!member.guest) return null;
  return member.company ? format(words.guest, { company: member.company }) : words.guestNoCompany;
}

/** What a person is, said under their name in a picker: their role, or a guest's mark. */
export function personDetail(person: { role: string; company: string | null }, t: Pick<Messages, "roles" | "messages">): string {
  return guestMark({ guest: person.role === "guest", company: person.company }, t.messages.group) ?? t.roles[person.role as Role] ?? person.role;
}
