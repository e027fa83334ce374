import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { keptPageCaches, offline, online, pageKept, workerReady } from "../fixtures/offline";
import { signedInContext } from "../fixtures/sign-in";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

test.describe("as the technician", () => {
  test.use({ storageState: storageState("technician") });

  test("a ticket seen before opens without a network, marked with the time it was up to date", async ({ page, context }) => {
    const title = `Copie ${uniqueTag("off")}`;
    const ticket = await createTicketRow({ title, reporterEmail: account("operator").email });
    await page.goto(`/tickets?q=${encodeURIComponent(title)}`);
    await workerReady(page);
    // Opened inside the app (a link followed, no page load): kept all the same.
    await page.getByRole("link", { name: new RegExp(title) }).click();
    await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.ticketId}$`));
    await pageKept(page, `/tickets/${ticket.ticketId}`);
    await offline(context, page);

    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("offline-notice")).toHaveText(/^Hors ligne — à jour à \d{1,2}\sh\s\d{2}$/);
    // A link followed without a network: the board seen before, never a blank page.
    await page.getByRole("link", { name: "Retour au tableau" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau des tickets");
    await expect(page.getByTestId("offline-notice")).toContainText("Hors ligne — à jour à");
    // A page never seen is the offline page, as before.
    await page.goto("/machines");
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Hors ligne");

    await online(context);
    await page.goto(`/tickets/${ticket.ticketId}`);
    await expect(page.getByTestId("offline-notice")).toHaveCount(0);
  });

  test("in English, the kept page says so in English", async ({ page, context }) => {
    await context.addCookies([{ name: "atelier-locale", value: "en", url: test.info().project.use.baseURL! }]);
    const ticket = await createTicketRow({ title: `Copy ${uniqueTag("off")}`, reporterEmail: account("operator").email });
    await page.goto(`/tickets/${ticket.ticketId}`);
    await workerReady(page);
    await pageKept(page, `/tickets/${ticket.ticketId}`);
    await offline(context, page);
    await page.reload();
    await expect(page.getByTestId("offline-notice")).toHaveText(/^Offline — up to date at \d{1,2}:\d{2}\s[ap]\.m\.$/);
    await online(context);
  });
});

test("signing out empties the kept pages, and the next person's pages are theirs alone", async ({ browser }) => {
  const tag = uniqueTag("off");
  const first = await createUser({ name: `Technicienne ${tag}`, role: "technician", password: "hors-ligne-2026-une" });
  const second = await createUser({ name: `Technicien ${tag}`, role: "technician", password: "hors-ligne-2026-deux" });
  const ticket = await createTicketRow({ title: `Privé ${tag}`, reporterEmail: account("operator").email });

  const { context, page } = await signedInContext(browser, first);
  await workerReady(page);
  await pageKept(page, "/");
  await page.goto(`/tickets/${ticket.ticketId}`);
  await pageKept(page, `/tickets/${ticket.ticketId}`);
  expect(await keptPageCaches(page)).toHaveLength(1);

  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect.poll(() => keptPageCaches(page)).toEqual([]);
  expect(await page.evaluate(async (path) => !!(await caches.match(path)), `/tickets/${ticket.ticketId}`)).toBe(false);

  // The next person on the same phone: their own pages only.
  await page.getByLabel("Courriel").fill(second.email);
  await page.getByLabel("Mot de passe").fill(second.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/$/);
  await pageKept(page, "/");
  expect(await keptPageCaches(page)).toHaveLength(1);
  expect(await page.evaluate(async (path) => !!(await caches.match(path)), `/tickets/${ticket.ticketId}`)).toBe(false);
  await context.close();
});
