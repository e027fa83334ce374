// Atelier's service worker (registered by components/notifications/service-worker.ts):
// shows the pushes lib/notifications/push.ts sends, opens the ticket or
// conversation when one is tapped ("J'y vais" takes the ticket first, through
// /notifications/go, which checks the person may), and answers a page load with
// the offline page, in the person's language, when the network is gone.
const OFFLINE_CACHE = "atelier-offline-v1";
const OFFLINE_PAGES = { fr: "/offline/fr", en: "/offline/en" };
const LOCALE_KEY = "/__atelier-locale";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(OFFLINE_CACHE).then((cache) => cache.addAll(Object.values(OFFLINE_PAGES))));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== OFFLINE_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The page says which language the person reads (the offline page follows it).
self.addEventListener("message", (event) => {
  const locale = event.data && event.data.type === "locale" && event.data.locale;
  if (locale === "fr" || locale === "en") {
    event.waitUntil(caches.open(OFFLINE_CACHE).then((cache) => cache.put(LOCALE_KEY, new Response(locale))));
  }
});

async function offlinePage() {
  const cache = await caches.open(OFFLINE_CACHE);
  const stored = await cache.match(LOCALE_KEY);
  const locale = stored ? await stored.text() : "fr";
  return (await cache.match(OFFLINE_PAGES[locale] || OFFLINE_PAGES.fr)) || Response.error();
}

// Only page loads: everything else goes to the network as if there were no worker.
self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") return;
  event.respondWith(fetch(event.request).catch(() => offlinePage()));
});

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: event.data ? event.data.text() : "Atelier" };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Atelier", {
      body: data.body || "",
      tag: data.tag,
      lang: data.lang,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      vibrate: data.vibrate,
      actions: data.actions || [],
      data: { url: data.url || "/notifications", notificationId: data.notificationId },
    }),
  );
});

async function openOrFocus(url) {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if (client.url === target && "focus" in client) return client.focus();
  }
  return self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const { url, notificationId } = event.notification.data || {};
  if (event.action !== "take") {
    event.waitUntil(openOrFocus(url || "/notifications"));
    return;
  }
  // "J'y vais": the server takes the ticket and moves it to in progress, or says why not;
  // either way the ticket opens, showing where it stands.
  event.waitUntil(
    fetch("/notifications/go", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ notificationId }),
    })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((answer) => openOrFocus((answer && answer.url) || url || "/notifications")),
  );
});
