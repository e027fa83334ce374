// The app's side of public/sw.js: registering it, telling it the person's
// language (for the offline page), and subscribing this browser to Web Push.

export const SERVICE_WORKER_URL = "/sw.js";

export async function registerServiceWorker(locale: string): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator)) return null;
  try {
    const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
    const worker = registration.active ?? registration.waiting ?? registration.installing;
    worker?.postMessage({ type: "locale", locale });
    return registration;
  } catch {
    return null;
  }
}

/** The VAPID public key as the Push API wants it. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "="));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Why this browser gave no subscription, as the app words it (the browser's own message is English, and for developers). */
export type SubscribeFailure = "unsupported" | "denied" | "refused" | "unreachable" | "failed";

export type SubscribeOutcome = { kind: "subscribed"; subscription: PushSubscriptionJSON } | { kind: SubscribeFailure };

/** What the Push API's refusal means to the person; its text is never shown. */
function failureOf(error: unknown): SubscribeFailure {
  const name = error instanceof DOMException ? error.name : "";
  // Push blocked for the site; or Chromium's private window, which refuses every subscription with an
  // AbortError "Registration failed - permission denied" while Notification.permission says "granted"
  // (crbug.com/41124656: deliberately undetectable otherwise).
  if (name === "NotAllowedError" || (name === "AbortError" && /permission denied/i.test((error as DOMException).message))) return "refused";
  // No push service within reach: "Registration failed - push service not available", a network error, a timeout.
  if (name === "AbortError" || name === "NetworkError" || name === "TimeoutError") return "unreachable";
  if (name === "NotSupportedError") return "unsupported";
  return "failed";
}

const sameKey = (a: ArrayBuffer | null, b: Uint8Array) => a !== null && a.byteLength === b.length && new Uint8Array(a).every((byte, i) => byte === b[i]);

/**
 * This browser's push subscription for Atelier. `fresh`: a new one even if the
 * browser has one (another account registered it: a shared phone), which ends the
 * old one at the push service. One made for another server key (keys rotated) is
 * replaced too, since the browser refuses to subscribe over it.
 */
export async function subscribeThisDevice(vapidPublicKey: string, options: { fresh?: boolean } = {}): Promise<SubscribeOutcome> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return { kind: "unsupported" };
  if ((await Notification.requestPermission()) !== "granted") return { kind: "denied" };
  try {
    await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    const key = keyBytes(vapidPublicKey);
    const existing = await registration.pushManager.getSubscription();
    if (existing && !options.fresh && sameKey(existing.options.applicationServerKey, key)) return { kind: "subscribed", subscription: existing.toJSON() };
    await existing?.unsubscribe();
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    return { kind: "subscribed", subscription: subscription.toJSON() };
  } catch (error) {
    console.warn("Push subscription refused by the browser:", error);
    return { kind: failureOf(error) };
  }
}
