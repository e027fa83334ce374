"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { addGroupMembers, createGroup, leaveGroup, removeGroupMember, renameGroup } from "@/lib/messages/groups";
import { deleteMessage, markConversationRead, sendMessage } from "@/lib/messages/operations";
import { editMessageTranscript } from "@/lib/voice/edit";

// Writes only: the reads are GET routes (app/(app)/messages/read/), since Next runs
// a tab's server actions one at a time and a history page must not wait behind a
// send still uploading its photos. The operations publish their change to the
// members' open pages themselves (lib/messages/live.ts), so no action here
// renders a page again.
export const sendMessageAction = serverAction(sendMessage);
export const deleteMessageAction = serverAction(deleteMessage);
export const markConversationReadAction = serverAction(markConversationRead);
export const editMessageTranscriptAction = serverAction(editMessageTranscript);

// Groups (lib/messages/groups.ts): each change also reaches the members' open pages live.
export const createGroupAction = serverAction(createGroup, ({ key }) => redirect(`/messages/${key}`));
export const renameGroupAction = serverAction(renameGroup, refresh);
export const addGroupMembersAction = serverAction(addGroupMembers, refresh);
export const removeGroupMemberAction = serverAction(removeGroupMember, refresh);
export const leaveGroupAction = serverAction(leaveGroup, () => redirect("/messages"));
