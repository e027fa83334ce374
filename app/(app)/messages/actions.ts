"use server";

import { serverAction } from "@/lib/action";
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
