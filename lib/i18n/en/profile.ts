import type { Messages } from "../index";

export const profileEn: Messages["profile"] = {
  title: "My profile",
  menuLink: "My profile",
  details: {
    heading: "Details",
    name: "Display name",
    email: "Email",
    emailHint: "Only an administrator can change your email.",
    language: "Preferred language",
    languageDefault: "Factory language ({language})",
    save: "Save",
    saving: "Saving…",
    saved: "Profile saved.",
  },
  languages: {
    fr: "Français",
    en: "English",
  },
  presence: {
    heading: "Presence",
    hide: "Hide my presence",
    hideHelp: "Colleagues do not see the green “online” dot beside your name, and the shop’s screens do not count you among the team on shift.",
    save: "Save",
    saving: "Saving…",
    hiddenNow: "Your presence is hidden.",
    shownNow: "Colleagues see when you are online.",
  },
  password: {
    heading: "Password",
    current: "Current password",
    temporary: "Temporary password",
    next: "New password",
    confirm: "Confirm the new password",
    hint: "At least 10 characters. A phrase of a few words is easy to remember.",
    submit: "Change password",
    submitting: "Changing…",
    changed: "Password changed. Your sessions have ended: sign in again with the new password.",
  },
  sessions: {
    heading: "Signed-in devices",
    description:
      "A lost phone, a shared computer left signed in: end all your sessions, this one included. You will have to sign in again everywhere.",
    submit: "Sign out of all devices",
    submitting: "Signing out…",
    question: "End all your sessions, on every device?",
    cancel: "Cancel",
  },
  forced: {
    title: "Choose your password",
    subtitle: "Your administrator gave you a temporary password. Choose a new one that only you know to continue.",
    submit: "Save and continue",
  },
};
