"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import {
  markAllNotificationsRead,
  openNotification,
  readUnreadNotifications,
  saveNotificationPreferences,
} from "@/lib/notifications/operations";
import { registerPushDevice, removePushDevice } from "@/lib/notifications/devices";

/** Read, then where it leads; the layout's bell counts one fewer. */
export const openNotificationAction = serverAction(openNotification, ({ href }) => {
  revalidatePath("/", "layout");
  redirect(href);
});

export const markAllNotificationsReadAction = serverAction(markAllNotificationsRead, () => revalidatePath("/", "layout"));

export const readUnreadNotificationsAction = serverAction(readUnreadNotifications);

export const saveNotificationPreferencesAction = serverAction(saveNotificationPreferences);

export const registerPushDeviceAction = serverAction(registerPushDevice, () => revalidatePath("/profile"));

export const removePushDeviceAction = serverAction(removePushDevice, () => revalidatePath("/profile"));

