import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createGroupRows, createGuest, createPerson, signedInGuest } from "../fixtures/groups";
import { workerOrigin } from "../fixtures/d1";
import { signInError, signInThroughForm } from "../fixtures/sign-in";
import { createTicketRow, uniqueTag, userId } from "../fixtures/tickets";

const PASSWORD = "Invite-temporaire-2026";
const APP = path.join(process.cwd(), "app");

/** Every page.tsx and GET route.ts of the app, by their address patterns ("/tickets/[ticketId]"). */
function appAddresses(): { pages: string[]; routes: string[] } {
  const pages: string[] = [];
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      // Route groups, "(app)", are not in the address.
      const address = () => `/${path.relative(APP, dir).split(path.sep).filter((part) => part && !/^\(.*\)$/.test(part)).join("/")}`;
      if (entry.name === "page.tsx") pages.push(address());
      if (entry.name === "route.ts" && /export (const|async function) GET\b/.test(readFileSync(file, "utf8"))) routes.push(address());
    }
  };
  walk(APP);
  return { pages, routes };
}

// What a guest may open, and why; everything else the app has is a 404 to them.
const GUEST_PAGES = new Set(["/messages", "/messages/[conversation]", "/messages/[conversation]/members", "/profile"]);
/** Pages without a session, or about it: the same for everyone. */
const PUBLIC_PAGES = new Set(["/sign-in", "/sign-out", "/change-password", "/offline/[locale]", "/tv", "/tv/[key]"]);
/** The home sends a guest to their conversations. */
const REDIRECTED = new Set(["/"]);
const GUEST_ROUTES = new Set([
  // Their conversations' reads and files.
  "/messages/read/history",
  "/messages/read/inbox",
  "/messages/read/live-token",
  "/messages/read/tickets",
  "/media/messages/[messageId]/[file]",
  // The header's brand, Auth.js' own endpoints, the shop screens (by their secret, no session).
  "/logo",
  "/api/auth/[...nextauth]",
  "/tv/[key]/read",
  "/tv/[key]/image/[id]",
]);

test("a guest sees only their conversation and gets a 404 on every other page the app has", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag("invite");
  const lead = await createPerson({ name: `Chef ${tag}`, role: "supervisor", password: PASSWORD });
  const guest = await createGuest({ name: `Invité ${tag}`, password: PASSWORD, company: "Hydro-Tech inc." });
  const key = await createGroupRows(`Groupe ${tag}`, lead.id, [guest.id]);
  const ticket = await createTicketRow({ title: `Fuite ${tag}`, reporterEmail: account("admin").email });
  const { context, page } = await signedInGuest(browser, guest);

  // Their list: that group, nothing else (no team channel, no "Nouveau message").
  const list = page.getByTestId("conversations").getByRole("link");
  await expect(list).toHaveCount(1);
  await expect(list).toHaveAttribute("data-conversation", key);
  await expect(page.getByRole("link", { name: "Nouveau message" })).toHaveCount(0);
  // The shell shows Messages and their account, nothing of the plant.
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByRole("link").filter({ visible: true })).toHaveText([/^Messages/]);
  await expect(page.getByRole("search")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Notifications/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Signaler", exact: true })).toHaveCount(0);
  expect((await page.goto(`/messages/${key}`))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Groupe ${tag}`);
  expect((await page.goto(`/messages/${key}/members`))?.status()).toBe(200);
  expect((await page.goto("/profile"))?.status()).toBe(200);
  await page.goto("/");
  await expect(page).toHaveURL(/\/messages$/);

  // Every other page, found in app/ (so a new page cannot be forgotten), with real ids where it takes one.
  const params: Record<string, string> = {
    "[ticketId]": ticket.ticketId,
    "[machineId]": String(ticket.machineId),
    "[id]": String(guest.id),
    "[conversation]": "team",
    "[...missing]": "nulle-part",
    "[mediaId]": "1",
    "[messageId]": "1",
    "[file]": "audio",
  };
  const fill = (address: string) => address.replace(/\[[^\]]+\]/g, (segment) => params[segment] ?? "1");
  const { pages, routes } = appAddresses();
  expect(pages).toEqual(expect.arrayContaining(["/tickets", "/machines/[machineId]", "/admin/users", "/search", "/notifications", "/messages/new"]));
  const closed = pages.filter((address) => !GUEST_PAGES.has(address) && !PUBLIC_PAGES.has(address) && !REDIRECTED.has(address));
  for (const address of closed) {
    const response = await page.goto(fill(address));
    expect(response?.status(), address).toBe(404);
  }
  // The 404 leads a guest back to their messages, not to a dashboard they do not have.
  await page.goto("/tickets");
  await expect(page.getByRole("main").getByRole("link", { name: "Retour aux messages" })).toHaveAttribute("href", "/messages");
  // The team channel and a pair of theirs are not theirs either.
  expect((await page.goto(`/messages/${Math.min(lead.id, guest.id)}-${Math.max(lead.id, guest.id)}`))?.status()).toBe(404);
  expect((await page.goto("/messages/team/members"))?.status()).toBe(404);
  for (const address of routes.filter((route) => !GUEST_ROUTES.has(route))) {
    const response = await page.request.get(fill(address));
    expect(response.status(), address).toBe(404);
  }
  await context.close();
});

for (const [locale, words] of [
  ["fr", /^Votre accès invité a pris fin le .+\. Pour le prolonger, communiquez avec votre contact à l’usine\.$/],
  ["en", /^Your guest access ended on .+\. To extend it, contact the person you work with at the plant\.$/],
] as const) {
  test(`a guest whose account has expired cannot sign in, and is told so in ${locale}`, async ({ page }) => {
    const guest = await createGuest({ name: `Expiré ${uniqueTag(locale)}`, password: PASSWORD, expiresAt: new Date(Date.now() - 60_000) });
    await page.context().addCookies([{ name: "atelier-locale", value: locale, url: workerOrigin() }]);
    await signInThroughForm(page, guest.email, guest.password);
    await expect(signInError(page)).toHaveText(words);
    await expect(page).toHaveURL(/\/sign-in/);
    // A wrong password is told nothing of the account.
    await signInThroughForm(page, guest.email, "pas-le-bon-mot-de-passe");
    await expect(signInError(page)).not.toHaveText(words);
  });
}

test.describe("as admin", () => {
  test.use({ storageState: storageState("admin") });

  test("an admin invites a guest into a group; the guest replaces the temporary password, lands in it, and is marked there", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const tag = uniqueTag("accueil");
    // A group of the test's own, the demo admin in it: an invitation adds to the inviter's groups.
    const witness = await createPerson({ name: `Témoin ${tag}`, role: "technician", password: PASSWORD });
    const key = await createGroupRows(`Chantier ${tag}`, await userId(account("admin").email), [witness.id]);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Inviter un invité" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inviter un invité");
    const email = `${tag}@sous-traitant.test`;
    await page.getByLabel("Nom", { exact: true }).fill(`Luc ${tag}`);
    await page.getByLabel("Entreprise").fill("Hydro-Tech inc.");
    await page.getByLabel("Courriel").fill(email);
    await page.getByLabel("Chercher un groupe").fill(tag);
    await page.getByRole("checkbox", { name: new RegExp(`Chantier ${tag}`) }).check();
    await page.getByLabel("Mot de passe temporaire").fill(PASSWORD);
    await page.getByRole("button", { name: "Inviter", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: `Luc ${tag} est invité.` })).toBeVisible();
    await expect(page.getByTestId("guest-access")).toContainText("Hydro-Tech inc. · accès jusqu’au");

    // The guest signs in, replaces the temporary password, and lands in their conversations.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const guestPage = await context.newPage();
    await signInThroughForm(guestPage, email, PASSWORD);
    await expect(guestPage).toHaveURL(/\/change-password/);
    await guestPage.getByLabel("Mot de passe temporaire").fill(PASSWORD);
    await guestPage.getByLabel("Nouveau mot de passe", { exact: true }).fill("Invite-definitif-2026");
    await guestPage.getByLabel("Confirmer le nouveau mot de passe").fill("Invite-definitif-2026");
    await guestPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
    // Their home is their conversations.
    await expect(guestPage).toHaveURL(/\/messages$/);
    await expect(guestPage.getByTestId("conversations").getByRole("link")).toHaveAttribute("data-conversation", key);
    await guestPage.getByTestId("conversations").getByRole("link").click();
    await guestPage.getByLabel("Votre message").fill(`Bonjour, ici Luc ${tag}`);
    await guestPage.getByRole("button", { name: "Envoyer" }).click();

    // The group sees them marked as a guest of their company, beside their message.
    await page.goto(`/messages/${key}`);
    const message = page.getByTestId("message").filter({ hasText: `Bonjour, ici Luc ${tag}` });
    await expect(message.getByTestId("guest-mark")).toHaveText("(Invité · Hydro-Tech inc.)");
    await context.close();
  });
});
