"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import {
  goOnAssignment,
  markAllNotificationsRead,
  openNotification,
  readTicketNotifications,
  readUnreadNotifications,
  saveNotificationPreferences,
} from "@/lib/notifications/operations";
import { registerPushDevice, removePushDevice } from "@/lib/notifications/devices";

/** Read, then where it leads; the layout's bell counts one fewer. */
export const openNotificationAction = serverAction(openNotification, ({ href }) => {
  revalidatePath("/", "layout");
  redirect(href);
});

/** "J'y vais" in the list, as on the push (/notifications/go): the ticket is taken and started, then opened. */
export const goOnAssignmentAction = serverAction(goOnAssignment, ({ ticketCode }) => {
  revalidatePath("/", "layout");
  redirect(`/tickets/${encodeURIComponent(ticketCode)}`);
});

export const markAllNotificationsReadAction = serverAction(markAllNotificationsRead, () => revalidatePath("/", "layout"));

/** The ticket page was shown: its notifications are read, and the layout's bell counts again. */
export const readTicketNotificationsAction = serverAction(readTicketNotifications, ({ count }) => {
  if (count > 0) revalidatePath("/", "layout");
});

export const readUnreadNotificationsAction = serverAction(readUnreadNotifications);

export const saveNotificationPreferencesAction = serverAction(saveNotificationPreferences);

export const registerPushDeviceAction = serverAction(registerPushDevice, () => revalidatePath("/profile"));

export const removePushDeviceAction = serverAction(removePushDevice, () => revalidatePath("/profile"));

