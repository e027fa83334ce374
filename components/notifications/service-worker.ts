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

export type SubscribeOutcome =
  | { kind: "subscribed"; subscription: PushSubscriptionJSON }
  | { kind: "unsupported" }
  | { kind: "denied" }
  | { kind: "error"; error: string };

export async function subscribeThisDevice(vapidPublicKey: string): Promise<SubscribeOutcome> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return { kind: "unsupported" };
  if ((await Notification.requestPermission()) !== "granted") return { kind: "denied" };
  try {
    await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) }));
    return { kind: "subscribed", subscription: subscription.toJSON() };
  } catch (error) {
    return { kind: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
