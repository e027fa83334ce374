"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { checkChecklistStep } from "@/lib/tickets/checklist";
import { addComment, deleteComment, editComment } from "@/lib/tickets/comments";
import { addMedia, addVoiceNote, deleteMedia } from "@/lib/tickets/media";
import * as tickets from "@/lib/tickets/operations";
import { clearMachineDown, markMachineDown } from "@/lib/tickets/downtime";
import { editVoiceNoteTranscript } from "@/lib/voice/edit";

// Every page is rendered per request, so nothing cached goes stale: an action
// re-renders the page it was called from (refresh()) when that page shows what
// changed, goes where the result is, or does nothing more.

/** To the new ticket, which confirms the report was sent (?reported). */
export const createTicketAction = serverAction(tickets.createTicket, ({ ticketId }) => redirect(`/tickets/${ticketId}?reported=1`));
/** The board's move: the board already shows it, so the page is not rendered again. */
export const moveTicketAction = serverAction(tickets.moveTicket);
/** The same move from the ticket page, whose status, timeline and controls change with it. */
export const changeTicketStatusAction = serverAction(tickets.moveTicket, refresh);
/** "Terminé" from the home, with its optional comment and photos; the home renders again without the ticket. */
export const finishTicketAction = serverAction(tickets.finishTicket, refresh);
export const editTicketAction = serverAction(tickets.editTicket, refresh);
export const assignTicketAction = serverAction(tickets.assignTicket, refresh);
export const takeTicketAction = serverAction(tickets.takeTicket, refresh);
export const scheduleTicketAction = serverAction(tickets.scheduleTicket, refresh);
export const setTicketPriorityAction = serverAction(tickets.setTicketPriority, refresh);
export const deleteTicketAction = serverAction(tickets.deleteTicket, () => redirect("/tickets"));
export const markMachineDownAction = serverAction(markMachineDown, refresh);
export const clearMachineDownAction = serverAction(clearMachineDown, refresh);
export const addCommentAction = serverAction(addComment, refresh);
export const editCommentAction = serverAction(editComment, refresh);
export const deleteCommentAction = serverAction(deleteComment, refresh);
export const addMediaAction = serverAction(addMedia, refresh);
export const addVoiceNoteAction = serverAction(addVoiceNote, refresh);
export const deleteMediaAction = serverAction(deleteMedia, refresh);
export const editVoiceNoteTranscriptAction = serverAction(editVoiceNoteTranscript, refresh);
export const checkChecklistStepAction = serverAction(checkChecklistStep, refresh);
