import { expect, test, type Browser, type Page, type WebSocketRoute } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { upgradeStatus } from "../fixtures/live";
import { createScreenLinkRow } from "../fixtures/screens";
import { signedInContext } from "../fixtures/sign-in";
import { createMachineRow, createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// A shop screen (/tv/<secret>) in a browser with no session at all: it opens with
// its link alone, follows changes without a reload, says "Lien révoqué" once its
// link is revoked, and its link opens nothing else. Its lists hold every ticket of
// the plant: each test's rows are made to come first in the list it reads (the
// oldest critical report, the latest completion, the latest stop), and the specs
// run one at a time.

test.use({ storageState: { cookies: [], origins: [] } });

/** A mark in the page's memory: still there means the page was never loaded again. */
const markPage = (page: Page) => page.evaluate(() => ((window as { tvMark?: string }).tvMark = "same page"));
const pageMark = (page: Page) => page.evaluate(() => (window as { tvMark?: string }).tvMark);

/** A critical ticket reported long ago: the first of the screen's "Priorité critique ou haute". */
async function oldCriticalTicket(tag: string) {
  const machine = `Presse ${tag}`;
  const machineId = await createMachineRow(machine);
  const ticket = await createTicketRow({ title: `Urgent ${tag}`, reporterEmail: account("operator").email, machineId, priority: "critical" });
  await queryD1(`UPDATE tickets SET created_at = '2001-01-01T00:00:00.000+00:00' WHERE id = ${ticket.id}`);
  return { ...ticket, machine: `${machine} E2E` };
}

async function technicianPage(browser: Browser) {
  const context = await browser.newContext({ storageState: storageState("technician") });
  return { context, page: await context.newPage() };
}

test("an admin makes a screen's link, shown once; it opens the screen with no sign-in, in the link's language", async ({ page, browser }) => {
  const tag = uniqueTag("ecran");
  const admin = await browser.newContext({ storageState: storageState("admin") });
  const desk = await admin.newPage();
  await desk.goto("/admin/screens");
  const links = desk.getByRole("region", { name: "Liens des écrans" });
  await links.getByRole("form", { name: "Nouvel écran" }).getByLabel("Nom de l’écran").fill(`Atelier ${tag}`);
  await links.getByRole("form", { name: "Nouvel écran" }).getByLabel("Langue de l’écran").selectOption("en");
  await links.getByRole("button", { name: "Créer le lien" }).click();
  const once = links.getByTestId("screen-link-once");
  await expect(once).toContainText(`Atelier ${tag}`);
  const url = await once.getByLabel("Lien de l’écran").inputValue();
  expect(url).toMatch(/\/tv\/[A-Za-z0-9_-]{43}$/);
  await expect(links.getByRole("listitem").filter({ hasText: `Atelier ${tag}` })).toContainText("En service");
  // Shown once: the page, loaded again, lists the screen but not its link.
  await desk.reload();
  await expect(links.getByRole("listitem").filter({ hasText: `Atelier ${tag}` })).toContainText("Langue : English");
  await expect(desk.getByTestId("screen-link-once")).toHaveCount(0);
  expect(await desk.content()).not.toContain(url.split("/tv/")[1]!);
  await admin.close();

  await page.goto(url);
  await expect(page.getByTestId("tv-on-shift")).toContainText("On shift");
  await expect(page.getByTestId("tv-overdue")).toContainText("Overdue");
  await expect(page.getByTestId("tv-counts")).toContainText("Received");
  await expect(page.locator(".tv-screen")).toHaveAttribute("lang", "en");
  expect(await page.context().cookies()).toEqual([]);
});

/** Every line a panel shows is whole (never half a card), and its "et N autres" counts exactly the lines it does not show. */
async function expectWholeLines(page: Page, testId: string) {
  await expect
    .poll(() =>
      page.getByTestId(testId).evaluate((panel) => {
        const list = panel.querySelector("ul");
        if (!list) return "no list";
        const total = Number(panel.querySelector("h2 > span:last-child")?.textContent?.replace(/\D/g, ""));
        const more = Number(panel.querySelector(":scope > ul + p")?.textContent?.replace(/\D/g, "") || 0);
        const bottom = list.getBoundingClientRect().bottom + 1;
        const shown = [...list.children].filter((line) => getComputedStyle(line).visibility === "visible");
        return { cut: shown.filter((line) => line.getBoundingClientRect().bottom > bottom).length, counted: shown.length + more === total, more: more > 0 };
      }),
    )
    .toEqual({ cut: 0, counted: true, more: true });
}

test("a ticket moved and a machine marked down through the app appear on the screen without a reload", async ({ page, browser }) => {
  const tag = uniqueTag("direct");
  const ticket = await oldCriticalTicket(tag);
  // More critical tickets than the panel has room for, so the band of machines down below leaves less room still.
  for (let i = 0; i < 7; i++) await createTicketRow({ title: `Urgent aussi ${tag} ${i}`, reporterEmail: account("operator").email, machineId: ticket.machineId, priority: "critical" });
  await page.setViewportSize({ width: 1920, height: 1080 });
  const screen = await createScreenLinkRow(`Écran ${tag}`);
  await page.goto(screen.path);
  await expect(page.getByTestId("tv-urgent").getByRole("listitem").first()).toContainText(`Urgent ${tag}`);
  await markPage(page);

  const tech = await technicianPage(browser);
  await tech.page.goto(`/tickets/${ticket.ticketId}`);
  const panel = tech.page.getByRole("region", { name: "Arrêt de la machine" });
  await panel.getByRole("button", { name: "Signaler la machine à l’arrêt" }).click();
  await tech.page.getByRole("dialog").getByRole("button", { name: "Oui, à l’arrêt" }).click();
  await expect(panel.getByTestId("machine-down")).toBeVisible();
  // The latest stop comes first in the band.
  await expect(page.getByTestId("tv-down").getByRole("listitem").first()).toContainText(ticket.machine);
  await expect(page.getByTestId("tv-down").getByRole("listitem").first()).toContainText(`Urgent ${tag}`);
  // The band takes room from the lists: they show fewer cards, each whole, and count the rest.
  await expectWholeLines(page, "tv-urgent");

  // Completed from the board: out of the urgent list, first of today's completed, and the machine runs again.
  await tech.page.goto(`/tickets?q=${tag}`);
  await tech.page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await tech.page.getByRole("menuitem", { name: "Terminé" }).click();
  await expect(tech.page.getByRole("status")).toContainText(`${ticket.ticketId} déplacé vers « Terminé »`);
  await expect(page.getByTestId("tv-done").getByRole("listitem").first()).toContainText(`Urgent ${tag}`);
  await expect(page.getByTestId("tv-urgent")).not.toContainText(`Urgent ${tag}`);
  await expect(page.getByTestId("tv-down").filter({ hasText: ticket.machine })).toHaveCount(0);

  expect(await pageMark(page)).toBe("same page");
  await tech.context.close();
});

test("the team on shift shows by first name while they have Atelier open, and not once they leave", async ({ page, browser }) => {
  const tag = uniqueTag("poste");
  const first = `Poste${tag}`;
  const person = await createUser({ name: `${first} Tremblay`, role: "technician", password: "En-poste-sur-ecran-2026" });
  const screen = await createScreenLinkRow(`Écran ${tag}`);
  await page.goto(screen.path);
  const strip = page.getByTestId("tv-on-shift");
  await expect(strip).toBeVisible();
  await expect(strip).not.toContainText(first);
  const { context } = await signedInContext(browser, person);
  await expect(strip.getByRole("listitem").filter({ hasText: first })).toHaveText(first);
  await expect(strip).not.toContainText("Tremblay");
  await context.close();
  await expect(strip).not.toContainText(first);
});

test("a revoked link shows 'Lien révoqué' at once and gets no more data; the other screens go on", async ({ page, browser }) => {
  const tag = uniqueTag("revoque");
  const [revoked, kept] = [await createScreenLinkRow(`Quai ${tag}`), await createScreenLinkRow(`Hall ${tag}`)];
  const other = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await Promise.all([page.goto(revoked.path), other.goto(kept.path)]);
  await expect(page.getByTestId("tv-counts")).toBeVisible();
  await expect(other.getByTestId("tv-counts")).toBeVisible();
  await markPage(page);

  const admin = await browser.newContext({ storageState: storageState("admin") });
  const desk = await admin.newPage();
  await desk.goto("/admin/screens");
  await desk.getByRole("button", { name: `Révoquer le lien de « Quai ${tag} »` }).click();
  await desk.getByRole("dialog").getByRole("button", { name: "Révoquer" }).click();
  await expect(desk.locator(`[data-screen-link="${revoked.id}"]`)).toContainText("Révoqué le");
  await admin.close();

  await expect(page.getByRole("heading", { level: 1, name: "Lien révoqué" })).toBeVisible();
  await expect(page.getByTestId("tv-counts")).toHaveCount(0);
  expect(await pageMark(page)).toBe("same page");
  expect((await page.request.get(`${revoked.path}/read`)).status()).toBe(410);
  expect(await upgradeStatus({ screen: revoked.secret })).toBe(403);
  // A page opened on it later says the same.
  await page.goto(revoked.path);
  await expect(page.getByRole("heading", { level: 1, name: "Lien révoqué" })).toBeVisible();

  expect((await other.request.get(`${kept.path}/read`)).status()).toBe(200);
  expect(await upgradeStatus({ screen: kept.secret })).toBe(101);
  await expect(other.getByTestId("tv-counts")).toBeVisible();
  await other.close();
});

test("the screen's link opens no ticket, no file, no message and no action, and its socket hears no message", async ({ page, browser }) => {
  const tag = uniqueTag("fermé");
  const ticket = await createTicketRow({ title: `Privé ${tag}`, reporterEmail: account("operator").email });
  const [media] = await queryD1<{ id: number }>(
    `INSERT INTO media (ticket_id, file_key, file_name, file_type, file_size, uploaded_by, created_at)
     VALUES (${ticket.id}, ${sqlText(`tickets/${tag}.jpg`)}, 'photo.jpg', 'image/jpeg', 10, ${await userId(account("operator").email)}, ${sqlText(new Date().toISOString())}) RETURNING id`,
  );
  const screen = await createScreenLinkRow(`Écran ${tag}`);
  const frames: string[] = [];
  page.on("websocket", (socket) => socket.on("framereceived", (frame) => frames.push(String(frame.payload))));
  await page.goto(screen.path);
  await expect(page.getByTestId("tv-counts")).toBeVisible();
  await expect(page.locator(".tv-screen")).toHaveAttribute("data-live", "open");

  // Nothing of the app opens with the screen's browser, with or without its key.
  for (const path of [`/tickets/${ticket.ticketId}`, `/tickets/${ticket.ticketId}?key=${screen.secret}`, "/tickets", "/messages/team", "/admin/screens"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in/);
  }
  for (const path of [`/media/${media!.id}`, `/media/${media!.id}?key=${screen.secret}`, "/messages/read/history?conversation=team", "/messages/read/inbox", "/tickets/read/board", "/messages/read/live-token", "/tickets/export", "/logo"]) {
    expect((await page.request.get(path)).status(), path).toBe(401);
  }
  const technician = await userId(account("technician").email);
  const move = await page.request.post("/outbox", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { kind: "move", owner: String(technician), id: String(ticket.id), from: "received", to: "completed", clientId: crypto.randomUUID() },
  });
  expect(move.status()).toBe(401);
  expect((await queryD1<{ status: string }>(`SELECT status FROM tickets WHERE id = ${ticket.id}`))[0]!.status).toBe("received");

  // Back on the screen: a team message and a ticket change are made; it hears the change, never the message.
  await page.goto(screen.path);
  await expect(page.locator(".tv-screen")).toHaveAttribute("data-live", "open");
  const writer = await signedInContext(browser, await createUser({ name: `Auteur ${tag}`, role: "technician", password: "Message-prive-2026" }));
  await writer.page.goto("/messages/team");
  await writer.page.getByLabel("Votre message").fill(`Secret ${tag}`);
  await writer.page.getByRole("button", { name: "Envoyer" }).click();
  await expect(writer.page.getByTestId("message").filter({ hasText: `Secret ${tag}` })).toHaveAttribute("data-message-id", /\d+/);
  await writer.page.goto(`/tickets/${ticket.ticketId}`);
  await writer.page.getByRole("button", { name: /Je m’en occupe/ }).first().click();
  await expect(writer.page.getByTestId("ticket-assignee")).toHaveText(`Auteur ${tag}`);
  await expect.poll(() => frames.filter((f) => f.includes('"type":"tickets"')).length).toBeGreaterThan(0);
  expect(frames.filter((f) => f.includes("message") || f.includes(tag))).toEqual([]);
  await writer.context.close();
});

test("a screen cut from the network says since when it is offline, then reconnects by itself and catches up", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const tag = uniqueTag("coupure");
  const ticket = await oldCriticalTicket(tag);
  const screen = await createScreenLinkRow(`Écran ${tag}`);
  let cut = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/live\?screen=/, (ws) => {
    if (cut) return ws.close();
    ws.connectToServer();
    open.push(ws);
  });
  await page.route(/\/tv\/[^/]+\/read$/, (route) => (cut ? route.abort("internetdisconnected") : route.continue()));
  await page.goto(screen.path);
  await expect(page.getByTestId("tv-urgent").getByRole("listitem").first()).toContainText(`Urgent ${tag}`);
  await expect.poll(() => open.length).toBeGreaterThan(0);
  await markPage(page);

  cut = true;
  for (const ws of open.splice(0)) await ws.close();
  // Meanwhile the ticket is completed.
  const tech = await technicianPage(browser);
  await tech.page.goto(`/tickets?q=${tag}`);
  await tech.page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await tech.page.getByRole("menuitem", { name: "Terminé" }).click();
  await expect(tech.page.getByRole("status")).toContainText("déplacé vers « Terminé »");
  await tech.context.close();

  // Over a minute without proof its data is current: it says so, on the factory's clock.
  const offline = page.getByTestId("tv-offline");
  await expect(offline).toContainText(/Hors ligne depuis \d{1,2} h \d{2}/, { timeout: 100_000 });
  await expect(page.getByTestId("tv-urgent")).toContainText(`Urgent ${tag}`);

  cut = false;
  await expect(offline).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByTestId("tv-done").getByRole("listitem").first()).toContainText(`Urgent ${tag}`);
  await expect(page.getByTestId("tv-urgent")).not.toContainText(`Urgent ${tag}`);
  expect(await pageMark(page)).toBe("same page");
});
