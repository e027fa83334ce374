"use client";

import Link from "next/link";
import { Icon } from "@/components/shell/icons";
import { format } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n";
import type { GroupView } from "@/lib/messages/model";
import { useLiveGroup } from "./use-live-group";

interface GroupHeadingProps {
  conversationKey: string;
  group: GroupView;
  userId: number;
  locale: Locale;
  t: Messages["messages"]["group"];
}

/** A group's name and its members' count, live; the count opens the members' page (a target a thumb finds). */
export function GroupHeading({ conversationKey, group: initial, userId, locale, t }: GroupHeadingProps) {
  const { group } = useLiveGroup(conversationKey, initial, userId);
  const { name, members } = group ?? initial;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h1 className="min-w-0 text-2xl font-semibold break-words">{name}</h1>
      <Link
        href={`/messages/${conversationKey}/members`}
        className="btn-secondary min-h-11 gap-2 text-sm"
        aria-label={format(t.membersLink, { name, count: members.length }, locale)}
      >
        <Icon name="group" className="h-5 w-5" />
        {format(t.members, { count: members.length }, locale)}
      </Link>
    </div>
  );
}
