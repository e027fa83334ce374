import type { Messages } from "..";

// English strings for working without a network (fr/offline.ts is the reference).
export const offlineEn: Messages["offline"] = {
  copy: "Offline — up to date at {time}",
  copyOn: "Offline — up to date on {when}",
  offline: "Offline: what you do stays on this device and will be sent when the network is back.",
  queued: "No network: this is kept on the device and will be sent as soon as the network is back.",
  queuedMove: "{ticket}: move kept on the device, sent when the network is back.",
  failed: "Sending failed. What you wrote stays on this device: try again.",
  waiting: "Waiting to send",
  refused: "Not sent",
  signInToSend: "Sign in again to send it.",
  kinds: {
    report: "Report",
    comment: "Comment",
    move: "Status change",
    message: "Message",
  },
  moveTo: "to “{status}”",
  photos: "{count, plural, one {# photo} other {# photos}}",
  voiceNote: "voice note",
  madeAt: "made at {time}",
  retry: "Try again",
  keep: "Keep it",
  discard: "Discard",
  discardConfirm: "Discard what was not sent? It will be lost.",
  open: "Open the ticket",
  sent: "Report sent: {ticket}",
  indicator: "{count, plural, one {# waiting to send} other {# waiting to send}}",
  listTitle: "Waiting to send",
  listHelp: "Sent automatically as soon as the network is back.",
  sendNow: "Send now",
};
