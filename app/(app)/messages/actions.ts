"use server";

import { serverAction } from "@/lib/action";
import { deleteMessage, markConversationRead, openLiveSocket, readHistory, readInbox, readTicketRefs, sendMessage } from "@/lib/messages/operations";

// The operations publish their change to the members' open pages themselves
// (lib/messages/live.ts), after D1 has it, so no action here renders a page again.
export const sendMessageAction = serverAction(sendMessage);
export const deleteMessageAction = serverAction(deleteMessage);
export const markConversationReadAction = serverAction(markConversationRead);
export const readHistoryAction = serverAction(readHistory);
export const openLiveSocketAction = serverAction(openLiveSocket);
export const readInboxAction = serverAction(readInbox);
export const readTicketRefsAction = serverAction(readTicketRefs);
