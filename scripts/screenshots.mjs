// `npm run screenshots`: the README's pictures, taken from a running worker with the
// demo data (npm start, or SCREENSHOT_URL), in Debian's Chromium at 1280×800 and
// 360×740 (a technician's home, board and ticket page). The messages pictures come
// from a real exchange: the technician and the supervisor each send from their own
// browser (a voice note from Chromium's fake microphone), so what is shown is what
// the hub delivered live. The shop screen (/tv/<secret>, at 1920×1080) is opened
// with a link made on /admin/screens, while those two phones are on shift and the
// technician's ticket has its machine marked down.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { root } from "./lib/common.mjs";
import { signInAs } from "../bench/lib/sign-in.mjs";

const ORIGIN = process.env.SCREENSHOT_URL ?? "http://localhost:8787";
const OUT = path.join(root, "docs", "screenshots");
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
});

async function open(role, device) {
  const context = await browser.newContext({ ...device, locale: "fr-CA", timezoneId: "America/Toronto", permissions: ["microphone"] });
  const page = await context.newPage();
  await signInAs(page, ORIGIN, role);
  return page;
}

/** Until the page stops scrolling (the conversation brings itself down to a new message). */
async function settled(page) {
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const y = scrollY;
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY === y)));
      }),
  );
}

const shot = (page, name) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

async function send(page, text) {
  await page.getByLabel("Votre message").fill(text);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await page.getByTestId("message").filter({ hasText: text }).and(page.locator("[data-message-id]")).waitFor();
}

/** The report form without a network: what the phone keeps, and the header's list of it. */
async function reportOffline(page) {
  await page.goto(`${ORIGIN}/tickets/new`);
  // A page loaded while the worker was still installing is not under its control: the next load is.
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(async () => !!(await caches.match("/tickets/new")));
  await page.context().setOffline(true);
  await page.getByLabel("Titre").fill("Fuite d’huile sous la presse 4");
  await page.getByLabel("Machine", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Description").fill("Flaque sous la presse depuis la pause.");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await page.getByRole("main").getByTestId("pending-item").evaluate((item) => item.scrollIntoView({ block: "center" }));
  await shot(page, "phone-offline-report");
  await page.getByTestId("outbox-count").click();
  await shot(page, "phone-offline-waiting");
  await page.context().setOffline(false);
  await page.getByRole("main").getByRole("link", { name: /Signalement envoyé/ }).waitFor();
}

try {
  // The plant overview is the admin's home; the board looks the same for every lead.
  const desk = await open("admin", DESKTOP);
  for (const [url, name] of [["/", "dashboard"], ["/tickets", "board"]]) {
    await desk.goto(`${ORIGIN}${url}`);
    await shot(desk, name);
  }

  const tech = await open("technician", PHONE);
  for (const [url, name] of [["/", "phone-my-work"], ["/tickets", "phone-board"]]) {
    await tech.goto(`${ORIGIN}${url}`);
    await shot(tech, name);
  }
  await tech.getByRole("navigation", { name: "Navigation principale" }).getByText("Plus", { exact: true }).click();
  await shot(tech, "phone-more");

  // A ticket of the technician's, opened from Mon travail: its action bar above the tab bar.
  await tech.goto(`${ORIGIN}/?show=mine`);
  await tech.getByRole("main").getByRole("listitem").getByRole("link").first().click();
  await tech.getByRole("form", { name: "Actions rapides" }).waitFor();
  await shot(tech, "phone-ticket");
  // The technician then marks that ticket's machine down, so the shop screen below shows a stop.
  const stop = tech.getByRole("region", { name: "Arrêt de la machine" });
  await stop.getByRole("button", { name: "Signaler la machine à l’arrêt" }).click();
  await tech.getByRole("dialog").getByRole("button", { name: "Oui, à l’arrêt" }).click();
  await stop.getByTestId("machine-down").waitFor();

  // The team channel, live between two phones.
  const lead = await open("supervisor", PHONE);
  await tech.goto(`${ORIGIN}/messages/team`);
  await lead.goto(`${ORIGIN}/messages/team`);
  await send(tech, "La presse 3 refait le bruit de ce matin, j’y vais.");
  await lead.getByTestId("message").filter({ hasText: "La presse 3" }).waitFor();
  await send(lead, "Merci. Prends une photo du roulement si tu l’ouvres.");
  await tech.getByRole("button", { name: "Enregistrer une note vocale" }).click();
  await tech.getByRole("button", { name: "Arrêter" }).click({ delay: 2_500 });
  await tech.getByRole("button", { name: "Envoyer" }).click();
  await lead.getByRole("button", { name: /Note vocale de/ }).or(lead.getByLabel(/Note vocale de/)).last().waitFor();
  await settled(lead);
  await shot(lead, "phone-messages-team");
  await tech.goto(`${ORIGIN}/messages`);
  await shot(tech, "phone-messages");

  // A screen in the shop: its link made by the admin, opened with no session; the two phones are on shift.
  await desk.goto(`${ORIGIN}/admin/screens`);
  const links = desk.getByRole("region", { name: "Liens des écrans" });
  await links.getByRole("form", { name: "Nouvel écran" }).getByLabel("Nom de l’écran").fill("Atelier, près des presses");
  await links.getByRole("button", { name: "Créer le lien" }).click();
  const screenUrl = await links.getByTestId("screen-link-once").getByLabel("Lien de l’écran").inputValue();
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "fr-CA", timezoneId: "America/Toronto" })).newPage();
  await screen.goto(screenUrl);
  await screen.locator('.tv-screen[data-live="open"]').waitFor();
  await screen.getByTestId("tv-on-shift").getByRole("listitem").nth(1).waitFor();
  await shot(screen, "tv");

  // A report made where the network is gone: kept on the phone, then sent when it returns.
  await reportOffline(tech);
} finally {
  await browser.close();
}
console.log(`Screenshots written to ${path.relative(root, OUT)}/`);
