import { sendMessage } from "@/lib/messages/operations";
import { outboxRoute } from "@/lib/offline/outbox-route";
import { addComment } from "@/lib/tickets/comments";
import { addMedia, addVoiceNote } from "@/lib/tickets/media";
import { createTicket, finishTicket, moveTicket } from "@/lib/tickets/operations";

// What a page kept on the device while the network was gone, sent by the service worker
// when it returns (public/sw.js): a report, a comment, a status change, a finish, a message, a ticket's photos or voice note.
export const POST = outboxRoute({
  report: createTicket,
  comment: addComment,
  move: moveTicket,
  finish: finishTicket,
  message: sendMessage,
  media: addMedia,
  voice: addVoiceNote,
});
