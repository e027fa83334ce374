"use client";

import { useEffect } from "react";
import { tellWorker } from "./outbox";

/**
 * On the sign-in page: nobody is signed in on this device any more (signed out,
 * everywhere or here, or the session ended), so the pages the service worker kept
 * for the last person go, before anyone else signs in. What that person still had
 * waiting in the outbox stays, sent only once they sign in again.
 */
export function ForgetKeptPages() {
  useEffect(() => {
    void tellWorker({ type: "signed-out" });
  }, []);
  return null;
}
