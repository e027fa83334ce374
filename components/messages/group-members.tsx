"use client";

import { useState } from "react";
import { removeGroupMemberAction } from "@/app/(app)/messages/actions";
import { ActionButton } from "@/components/ui/action-button";
import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n";
import type { GroupView } from "@/lib/messages/model";
import { guestMark } from "./group-words";
import { OutOfGroup, useLiveGroup } from "./use-live-group";

interface GroupMembersProps {
  conversationKey: string;
  group: GroupView;
  userId: number;
  /** A lead in the group: each other member can be removed. */
  canManage: boolean;
  t: Messages["messages"];
  confirmLabels: { cancelLabel: string };
}

/**
 * The group's members, live (someone added or removed elsewhere shows at once),
 * each guest marked "Invité · company"; for a lead, "Retirer" beside each other
 * member, after a question that says what it does. A reader taken out of the group
 * meanwhile sees that and nothing more.
 */
export function GroupMembers({ conversationKey, group: initial, userId, canManage, t, confirmLabels }: GroupMembersProps) {
  const { group, removed } = useLiveGroup(conversationKey, initial, userId);
  const [said, setSaid] = useState<string | null>(null);
  const p = t.membersPage;
  if (removed || !group) return <OutOfGroup t={t.group} />;
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-emerald-800 empty:hidden">{said}</p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="group-members">
        {group.members.map((member) => {
          const mark = guestMark(member, t.group);
          return (
            <li key={member.id} className="flex min-h-14 flex-wrap items-center justify-between gap-2 px-3 py-2" data-member={member.name}>
              <span className="min-w-0">
                <span className="block font-medium break-words">
                  {member.name}
                  {member.id === userId && <span className="font-normal text-slate-600"> ({t.group.you})</span>}
                </span>
                {mark && <span className="block text-sm text-slate-700" data-testid="guest-mark">{mark}</span>}
              </span>
              {canManage && member.id !== userId && (
                <ActionButton
                  action={() => removeGroupMemberAction({ group: group.id, member: member.id })}
                  label={p.remove}
                  pendingLabel={p.removing}
                  aria-label={format(p.removeLabel, { name: member.name })}
                  confirm={{ question: format(p.removeQuestion, { name: member.name }), confirmLabel: p.remove, cancelLabel: confirmLabels.cancelLabel, danger: true }}
                  onSuccess={() => setSaid(format(p.removed, { name: member.name }))}
                  className="btn-secondary min-h-11 text-sm"
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
