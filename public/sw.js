// Atelier's service worker (registered by components/notifications/service-worker.ts).
// Four jobs, for a plant whose network drops:
// - pushes: shows what lib/notifications/push.ts sends, opens the ticket or
//   conversation when one is tapped ("J'y vais" takes the ticket first, through
//   /notifications/go, which checks the person may);
// - the app shell: Next's content-hashed files (/_next/static) from the cache first;
// - the pages the person last saw (home, the board, the report form, tickets,
//   conversations): from the network first, a copy kept per person; without a
//   network the copy answers (the page then says "Hors ligne — à jour à 10 h 32",
//   components/offline/offline-notice.tsx), and a page never seen gets the offline
//   page in the person's language. The copies go when the person signs out and when
//   someone else signs in; /admin, files and API answers are never kept;
// - the outbox: what a page could not send (components/offline/outbox.ts) is kept
//   here in IndexedDB and posted to /outbox (app/(app)/outbox/route.ts, the same
//   operations as the app's actions) when the network returns: Background Sync
//   where the browser has it, otherwise when a page says it is back online or opens.
//   Each entry carries its client id: the server writes it once however often it
//   arrives (lib/tickets/replay.ts, messages.client_id).
const OFFLINE_CACHE = "atelier-offline-v1";
const STATIC_CACHE = "atelier-static-v1";
const PAGES_CACHE = "atelier-pages-"; // + the person's id
const OFFLINE_PAGES = { fr: "/offline/fr", en: "/offline/en" };
const LOCALE_KEY = "/__atelier-locale";
const OWNER_KEY = "/__atelier-owner";
const STORED_AT = "x-atelier-stored-at";
const MAX_PAGES = 40;
const MAX_STATIC = 400;
/** A copy kept this recently is not fetched again when the page is opened inside the app. */
const FRESH_MS = 2 * 60_000;
const SYNC_TAG = "atelier-outbox";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(OFFLINE_CACHE).then((cache) => cache.addAll(Object.values(OFFLINE_PAGES))));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  const kept = (key) => key === OFFLINE_CACHE || key === STATIC_CACHE || key.startsWith(PAGES_CACHE);
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => !kept(key)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// ---------------------------------------------------------------- who is signed in

async function remembered(key) {
  const stored = await (await caches.open(OFFLINE_CACHE)).match(key);
  return stored ? stored.text() : null;
}

async function remember(key, value) {
  const cache = await caches.open(OFFLINE_CACHE);
  if (value === null) await cache.delete(key);
  else await cache.put(key, new Response(String(value)));
}

/** Every person's kept pages but `keep`'s. */
async function forgetPages(keep) {
  const keys = await caches.keys();
  await Promise.all(keys.filter((key) => key.startsWith(PAGES_CACHE) && key !== PAGES_CACHE + keep).map((key) => caches.delete(key)));
}

async function signedIn(owner, locale) {
  if ((await remembered(OWNER_KEY)) !== owner) await forgetPages(owner);
  await remember(OWNER_KEY, owner);
  if (locale === "fr" || locale === "en") await remember(LOCALE_KEY, locale);
}

async function signedOut() {
  await remember(OWNER_KEY, null);
  await forgetPages(null);
}

// ---------------------------------------------------------------- pages

/** The pages kept for the person: what they need on the floor, nothing an admin page or a file holds. */
const KEPT_PAGES = [/^\/$/, /^\/tickets$/, /^\/tickets\/(?!export$)[^/]+$/, /^\/messages$/, /^\/messages\/(?!new$)[^/]+$/];
const keptPage = (url) => KEPT_PAGES.some((page) => page.test(url.pathname));

async function offlinePage() {
  const cache = await caches.open(OFFLINE_CACHE);
  const locale = (await remembered(LOCALE_KEY)) || "fr";
  return (await cache.match(OFFLINE_PAGES[locale] || OFFLINE_PAGES.fr)) || Response.error();
}

/** Keeps a copy of a page (and the hashed files it loads, which a first visit fetched before this worker ran). */
async function keepPage(url, response) {
  const owner = await remembered(OWNER_KEY);
  const type = response.headers.get("content-type") || "";
  // The report form as the tab bar opens it, not one filled from a label or a message.
  if (url.pathname === "/tickets/new" && url.search) return;
  if (!owner || response.redirected || response.status !== 200 || !type.startsWith("text/html")) return;
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  // The copy is the decoded text: no encoding or length of the original transfer.
  for (const name of ["content-encoding", "content-length", "transfer-encoding"]) headers.delete(name);
  const cache = await caches.open(PAGES_CACHE + owner);
  await cache.put(url.pathname, new Response(html, { status: 200, headers }));
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => cache.delete(key)));
  const assets = new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || []);
  await Promise.all([...assets].map((asset) => fromStaticCache(new Request(asset)).catch(() => null)));
}

/** A page the person opened inside the app (a link followed: no page load here to keep): fetched once more, unless kept a moment ago. */
async function keepSeen(path) {
  const url = new URL(path, self.location.origin);
  const owner = await remembered(OWNER_KEY);
  if (!owner || !keptPage(url)) return;
  const copy = await (await caches.open(PAGES_CACHE + owner)).match(url.pathname);
  if (copy && Date.now() - Date.parse(copy.headers.get(STORED_AT) || "") < FRESH_MS) return;
  const response = await fetch(url, { credentials: "same-origin" });
  if (new URL(response.url).pathname === "/sign-in") return signedOut();
  await keepPage(url, response);
}

/** The kept copy, marked with when it was kept: the page says it is not live (components/offline/offline-notice.tsx). */
async function keptCopy(url) {
  const owner = await remembered(OWNER_KEY);
  const copy = owner && (await (await caches.open(PAGES_CACHE + owner)).match(url.pathname));
  if (!copy) return null;
  const html = (await copy.text()).replace("<html", `<html data-offline-copy="${copy.headers.get(STORED_AT) || ""}"`);
  return new Response(html, { status: 200, headers: copy.headers });
}

async function navigate(event) {
  const url = new URL(event.request.url);
  try {
    const response = await fetch(event.request);
    // Sent to sign in: nobody is signed in on this device any more.
    if (new URL(response.url || url.href).pathname === "/sign-in") event.waitUntil(signedOut());
    else if (keptPage(url)) event.waitUntil(keepPage(url, response.clone()));
    return response;
  } catch {
    return (keptPage(url) && (await keptCopy(url))) || offlinePage();
  }
}

async function fromStaticCache(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    // Each deployment brings new names: the oldest go first.
    const keys = await cache.keys();
    if (keys.length > MAX_STATIC) await Promise.all(keys.slice(0, keys.length - MAX_STATIC).map((key) => cache.delete(key)));
  }
  return response;
}

// Page loads and Next's hashed files only: everything else (the pages' data, actions,
// files, the live socket) goes to the network as if there were no worker. A page's
// data fetched in the app (a link followed) fails offline, and Next then loads the
// page itself, which is answered here.
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (event.request.mode === "navigate") event.respondWith(navigate(event));
  else if (url.pathname.startsWith("/_next/static/")) event.respondWith(fromStaticCache(event.request));
});

// ---------------------------------------------------------------- the outbox

let opened = null;

/** The outbox's database, opened once per worker's life (a failed opening is tried again next time). */
function database() {
  opened =
    opened ||
    new Promise((resolve, reject) => {
      const open = indexedDB.open("atelier-outbox", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("entries", { keyPath: "clientId" });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    }).catch((error) => {
      opened = null;
      throw error;
    });
  return opened;
}

/** One transaction on the entries: `work(store)` asks, the promise gives its last request's result. */
async function entries(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction("entries", mode);
    const request = work(transaction.objectStore("entries"));
    transaction.oncomplete = () => resolve(request && request.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

const allEntries = () => entries("readonly", (store) => store.getAll());
const putEntry = (entry) => entries("readwrite", (store) => store.put(entry));
const deleteEntry = (clientId) => entries("readwrite", (store) => store.delete(clientId));
const getEntry = (clientId) => entries("readonly", (store) => store.get(clientId));

/** The signed-in person's entries, oldest first, to every open page of the app. */
async function broadcast(sent) {
  const owner = await remembered(OWNER_KEY);
  const list = (await allEntries()).filter((e) => e.owner === owner).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) client.postMessage({ type: "outbox", entries: list, sent: sent || [] });
  return list;
}

/**
 * One entry to /outbox: "sent", "refused" (the person decides), "waiting" (for its
 * owner's session), "failed" (the server broke: tried again later, the others go on)
 * or "offline" (nothing more can go now).
 */
async function send(entry) {
  const body = new FormData();
  for (const [name, value] of entry.fields) body.append(name, value);
  body.set("kind", entry.kind);
  body.set("clientId", entry.clientId);
  body.set("owner", entry.owner);
  let response;
  try {
    response = await fetch("/outbox", { method: "POST", body, credentials: "same-origin" });
  } catch {
    return { outcome: "offline" };
  }
  if (response.status === 401) {
    await putEntry({ ...entry, state: "waiting", error: "signedOut" });
    return { outcome: "waiting" };
  }
  const answer = response.ok ? await response.json().catch(() => null) : null;
  if (!answer) return { outcome: "failed" };
  if (answer.ok) {
    await deleteEntry(entry.clientId);
    return { outcome: "sent", sent: { clientId: entry.clientId, kind: entry.kind, scope: entry.scope, data: answer.data } };
  }
  await putEntry({ ...entry, state: "refused", error: answer.error || null });
  return { outcome: "refused" };
}

/** Sends the signed-in person's waiting entries in the order they were made; stops at the first sign of no network. */
async function flushOnce() {
  const owner = await remembered(OWNER_KEY);
  const sent = [];
  let done = true;
  for (const entry of (await allEntries()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (entry.owner !== owner || entry.state === "refused") continue;
    const result = await send(entry);
    if (result.sent) sent.push(result.sent);
    if (result.outcome === "failed") done = false;
    if (result.outcome === "offline") {
      done = false;
      break;
    }
  }
  await broadcast(sent);
  return done;
}

let flushing = null;
let again = false;

/** One run at a time; asked again while running (a new entry, a page back online), it runs once more after. Resolves false while something could not go. */
function flush() {
  again = true;
  flushing =
    flushing ||
    (async () => {
      let done = true;
      while (again) {
        again = false;
        done = await flushOnce();
      }
      return done;
    })().finally(() => {
      flushing = null;
    });
  return flushing;
}

async function queue(entry) {
  const owner = await remembered(OWNER_KEY);
  if (!owner) throw new Error("nobody is signed in");
  await putEntry({ ...entry, owner, state: "waiting", error: null });
  if (self.registration.sync) await self.registration.sync.register(SYNC_TAG).catch(() => {});
}

async function answer(data) {
  switch (data.type) {
    case "session":
      return signedIn(String(data.userId), data.locale);
    case "signed-out":
      return signedOut();
    // The offline page follows the language the person reads.
    case "locale":
      return remember(LOCALE_KEY, data.locale === "en" ? "en" : "fr");
    case "outbox-put":
      await queue(data.entry);
      await broadcast();
      // Sent at once if the network is there after all; the page has its answer already.
      return void flush();
    case "outbox-retry": {
      const entry = await getEntry(data.clientId);
      if (entry) await putEntry({ ...entry, state: "waiting", error: null });
      return flush();
    }
    case "outbox-discard":
      await deleteEntry(data.clientId);
      return broadcast();
    case "outbox-flush":
      return flush();
    case "outbox-list":
      return broadcast();
    case "seen":
      return keepSeen(data.path);
  }
}

// A page's request; the reply (on the port it gives) says it was done, or why not.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  event.waitUntil(
    answer(data).then(
      () => port && port.postMessage({ ok: true }),
      (error) => port && port.postMessage({ ok: false, error: String(error) }),
    ),
  );
});

// Background Sync: the network is back, whether or not a page is open. A run that
// left something behind (still no network, a server error) fails, and the browser tries again later.
self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    flush().then((done) => {
      if (!done) throw new Error("still offline");
    }),
  );
});

// ---------------------------------------------------------------- pushes

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
