"use server";

import { serverAction } from "@/lib/action";
import { publish } from "@/lib/messages/live";
import { deleteMessage, markConversationRead, openLiveSocket, readHistory, readInbox, readTicketRefs, sendMessage } from "@/lib/messages/operations";

// D1 first, then the conversation hub fans the change out to the members' open
// pages (lib/messages/live.ts). The pages keep their own state from those
// events (the conversation's messages, the header's count, the list), so no
// action here renders a page again.
export const sendMessageAction = serverAction(sendMessage, (message) => publish(message.conversationKey, { type: "message", message }));
export const deleteMessageAction = serverAction(deleteMessage, ({ id, conversationKey }) => publish(conversationKey, { type: "deleted", conversationKey, id }));
export const markConversationReadAction = serverAction(markConversationRead, ({ conversation, userId, lastReadId }) =>
  publish(conversation, { type: "read", conversationKey: conversation, userId, lastReadId }),
);
export const readHistoryAction = serverAction(readHistory);
export const openLiveSocketAction = serverAction(openLiveSocket);
export const readInboxAction = serverAction(readInbox);
export const readTicketRefsAction = serverAction(readTicketRefs);
