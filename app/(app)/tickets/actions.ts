"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { performAsCurrentUser } from "@/lib/action";
import type { ActionResult } from "@/lib/operation";
import { addComment, deleteComment, editComment } from "@/lib/tickets/comments";
import { addMedia, deleteMedia } from "@/lib/tickets/media";
import {
  assignTicket,
  createTicket,
  deleteTicket,
  editTicket,
  moveTicket,
  scheduleTicket,
  setTicketPriority,
  takeTicket,
} from "@/lib/tickets/operations";

// Thin wrappers: lib/ authenticates, authorizes, validates and writes; here only
// what the page needs afterwards. Every page is rendered per request, so nothing
// cached goes stale: an action re-renders the page it was called from (refresh())
// when that page shows what changed, and nothing more.
function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) refresh();
  return result;
}

export async function createTicketAction(raw: unknown) {
  const result = await performAsCurrentUser(createTicket, raw);
  if (!result.ok) return result;
  redirect(`/tickets/${result.data.ticketId}`);
}

/** The board's move: the board already shows it, so the page is not rendered again. */
export async function moveTicketAction(raw: unknown) {
  return performAsCurrentUser(moveTicket, raw);
}

/** The same move from the ticket page, whose status, timeline and controls change with it. */
export async function changeTicketStatusAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(moveTicket, raw));
}

export async function editTicketAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(editTicket, raw));
}

export async function assignTicketAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(assignTicket, raw));
}

export async function takeTicketAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(takeTicket, raw));
}

export async function scheduleTicketAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(scheduleTicket, raw));
}

export async function setTicketPriorityAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(setTicketPriority, raw));
}

export async function deleteTicketAction(raw: unknown) {
  const result = await performAsCurrentUser(deleteTicket, raw);
  if (!result.ok) return result;
  redirect("/tickets");
}

export async function addCommentAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(addComment, raw));
}

export async function editCommentAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(editComment, raw));
}

export async function deleteCommentAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(deleteComment, raw));
}

export async function addMediaAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(addMedia, raw));
}

export async function deleteMediaAction(raw: unknown) {
  return refreshed(await performAsCurrentUser(deleteMedia, raw));
}
