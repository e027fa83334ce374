"use server";

import { refresh } from "next/cache";
import { serverAction } from "@/lib/action";
import { publish } from "@/lib/messages/live";
import { deleteMessage, markConversationRead, openLiveSocket, readHistory, sendMessage } from "@/lib/messages/operations";

// D1 first, then the conversation hub fans the change out to the members' open
// pages (lib/messages/live.ts). The conversation view keeps its own list of
// messages, so sending, deleting and loading do not render the page again;
// reading does, since the header's unread count changes with it.
export const sendMessageAction = serverAction(sendMessage, (message) => publish(message.conversationKey, { type: "message", message }));
export const deleteMessageAction = serverAction(deleteMessage, ({ id, conversationKey }) => publish(conversationKey, { type: "deleted", conversationKey, id }));
export const markConversationReadAction = serverAction(markConversationRead, async ({ conversation, userId, lastReadId }) => {
  await publish(conversation, { type: "read", conversationKey: conversation, userId, lastReadId });
  refresh();
});
export const readHistoryAction = serverAction(readHistory);
export const openLiveSocketAction = serverAction(openLiveSocket);
