"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { performAsCurrentUser } from "@/lib/action";
import { addComment, deleteComment, editComment } from "@/lib/comments";
import { addMedia, deleteMedia } from "@/lib/media";
import type { ActionResult } from "@/lib/operation";
import {
  assignTicket,
  createTicket,
  deleteTicket,
  editTicket,
  moveTicket,
  scheduleTicket,
  setTicketPriority,
  takeTicket,
} from "@/lib/ticket-operations";

// Thin wrappers: lib/ does authenticate -> authorize -> validate -> write; here
// only what Next needs afterwards (fresh pages, a redirect).
function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function createTicketAction(raw: unknown) {
  const result = await performAsCurrentUser(createTicket, raw);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/tickets/${result.data.ticketId}`);
}

export async function moveTicketAction(raw: unknown) {
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
  revalidatePath("/", "layout");
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
