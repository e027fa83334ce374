"use client";

import { useEffect } from "react";
import { readTicketNotificationsAction } from "@/app/(app)/notifications/actions";

/**
 * Rendered on a ticket's page when the person has unread notifications about it:
 * once the page is on screen they are read, however it was reached (a link, a
 * scanned label, the board). Done from the browser, not while rendering, so a
 * prefetch of the page reads nothing.
 */
export function ReadTicketNotifications({ ticketId }: { ticketId: number }) {
  useEffect(() => {
    void readTicketNotificationsAction({ ticketId }).catch(() => {
      // Offline: the notifications stay unread, and the next visit reads them.
    });
  }, [ticketId]);
  return null;
}
