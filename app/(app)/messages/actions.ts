"use server";

import { refresh } from "next/cache";
import { serverAction } from "@/lib/action";
import { deleteMessage, markConversationRead, readHistory, sendMessage } from "@/lib/messages/operations";

// The conversation view keeps its own list of messages: a sent, deleted or loaded
// message is placed there from the action's result, so the page is not rendered
// again. Reading is the exception: the header's unread count changes with it.
export const sendMessageAction = serverAction(sendMessage);
export const deleteMessageAction = serverAction(deleteMessage);
export const readHistoryAction = serverAction(readHistory);
export const markConversationReadAction = serverAction(markConversationRead, refresh);
