import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, workerOrigin } from "../fixtures/d1";
import { userId } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("the manifest makes Atelier installable: name, standalone, dashboard start, icons phones need", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ display: "standalone", start_url: "/", theme_color: "#0f172a", lang: "fr-CA" });
  expect(manifest.name).toBeTruthy();
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.headers()["content-type"]).toBe("image/png");
  }
});

// Lighthouse 13 no longer has its PWA category: Chromium's own installability
// check (the one behind its install prompt) answers instead, once the worker controls the page.
test("Chromium finds nothing that stops Atelier from being installed", async ({ page }) => {
  await page.goto("/");
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const cdp = await page.context().newCDPSession(page);
  // A Playwright context is incognito, where Chromium installs nothing whatever the site: that one
  // error is the test's browser. Any other (manifest, icons, service worker) is the app's.
  await expect
    .poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito"))
    .toEqual([]);
});

test("the service worker registers from the app and shows the offline page in the person's language", async ({ page, context }) => {
  await page.goto("/");
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? "")).toMatch(/\/sw\.js$/);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  // The navigation itself must succeed, answered by the worker: a swallowed failure
  // left whatever page was there to be asserted on.
  const response = await page.goto("/tickets");
  expect(response?.fromServiceWorker()).toBe(true);
  const offline = page.getByRole("main");
  await expect(offline.getByRole("heading", { level: 1 })).toHaveText("Hors ligne");
  await expect(offline).toContainText("Pas de réseau pour l’instant.");
  await context.setOffline(false);
});

test("turning push on from the profile asks the browser for a subscription, and words its refusal in the app's own French", async ({ page, context }) => {
  // Chromium here refuses the subscription itself (a Playwright context is a private
  // window, and there is no push service it may reach). What it gives is checked here:
  // permission asked, the worker ready, the refusal worded by the app (never the
  // browser's "Registration failed - permission denied"), nothing stored. Storing a
  // real subscription and every push after it are covered against a local push
  // service in tests/integration/push.test.ts.
  const techId = await userId(account("technician").email);
  const devices = async () => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM push_devices WHERE user_id = ${techId}`))[0]!.n;
  const before = await devices();
  await context.grantPermissions(["notifications"]);
  await page.goto("/profile");
  const section = page.getByRole("region", { name: "Mes appareils" });
  await section.getByRole("button", { name: "Activer sur cet appareil" }).click();
  const status = section.getByRole("status");
  await expect(status).toHaveText(
    "Ce navigateur a refusé l’abonnement aux notifications. Une fenêtre de navigation privée le refuse toujours : ouvrez Atelier dans une fenêtre normale, ou autorisez les notifications dans les réglages du navigateur, puis réessayez.",
  );
  await expect(status).not.toContainText("Registration");
  expect(await devices()).toBe(before);
});

test("a push service that does not answer is said in the app's own English", async ({ page, context }) => {
  await context.addCookies([{ name: "atelier-locale", value: "en", url: workerOrigin() }]);
  await context.grantPermissions(["notifications"]);
  // What Chromium throws when its push service cannot be reached.
  await page.addInitScript(() => {
    PushManager.prototype.subscribe = () => Promise.reject(new DOMException("Registration failed - push service not available", "AbortError"));
  });
  await page.goto("/profile");
  const section = page.getByRole("region", { name: "My devices" });
  await section.getByRole("button", { name: "Turn on for this device" }).click();
  const status = section.getByRole("status");
  await expect(status).toHaveText("This browser's notification service is not answering. Check the connection, then try again in a moment.");
  await expect(status).not.toContainText("Registration");
});
