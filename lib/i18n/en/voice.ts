// English strings for voice notes' transcripts (lib/voice/): the same keys as fr/voice.ts.
import type { Messages } from "../index";

export const voiceEn: Messages["voice"] = {
  automatic: "Automatic transcription",
  edited: "edited",
  edit: "Edit the transcription",
  editShort: "Edit",
  editLabel: "Text of your voice note",
  save: "Save",
  saving: "Saving…",
  cancel: "Cancel",
  inVoiceNote: "Voice note",
  settings: {
    heading: "Voice notes",
    transcribe: "Transcribe voice notes",
    help: "The text of each new voice note, in messages and on tickets, shows under its player a few seconds after it is sent, and search finds it. Its author can correct it. Workers AI (Cloudflare) does the transcription: beyond the free daily allocation, each minute of audio is billed (see the deployment guide).",
    save: "Save",
    saving: "Saving…",
    on: "New voice notes will be transcribed.",
    off: "Voice notes are no longer transcribed.",
  },
};
