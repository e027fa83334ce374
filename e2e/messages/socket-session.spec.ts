// A live socket lives no longer than the session it was opened with (issue #21,
// item 1): a phone left on a private conversation stops receiving it the moment
// its session ends, whichever way it ends, and goes to sign-in.
import { expect, test, type Browser, type BrowserContext, type Page, type WebSocket } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { upgradeStatus } from "../fixtures/live";
import { signedInContext } from "../fixtures/sign-in";
import { uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

interface Scene {
  browser: Browser;
  /** The person whose session ends, and their phone, open on the private conversation. */
  person: { id: number; email: string; name: string; password: string };
  phone: { context: BrowserContext; page: Page };
  /** A colleague writing to them from a desk. */
  desk: Page;
  conversation: string;
  /** Every socket the phone's page opened, and every text they received. */
  sockets: WebSocket[];
  frames: string[];
  /** The phone's socket on the conversation, and the token it was opened with. */
  socket: WebSocket;
  token: string;
  contexts: BrowserContext[];
}

async function send(page: Page, text: string) {
  await page.getByLabel("Votre message").fill(text);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("message").filter({ hasText: text })).toHaveAttribute("data-message-id", /\d+/);
}

async function scene(browser: Browser): Promise<Scene> {
  const tag = uniqueTag("ss");
  const person = await createUser({ name: `Lecteur ${tag}`, role: "technician", password: `lecteur-2026-${tag}` });
  const colleague = await createUser({ name: `Collègue ${tag}`, role: "technician", password: `collegue-2026-${tag}` });
  const ids = [await userId(person.email), await userId(colleague.email)];
  const conversation = `/messages/${[...ids].sort((a, b) => a - b).join("-")}`;

  const phone = await signedInContext(browser, person);
  const desk = await signedInContext(browser, colleague);
  const sockets: WebSocket[] = [];
  const frames: string[] = [];
  phone.page.on("websocket", (ws) => {
    sockets.push(ws);
    ws.on("framereceived", (frame) => frames.push(String(frame.payload)));
  });
  // Off the app first: the home's own socket must not be the one watched.
  await phone.page.goto("about:blank");
  const opened = phone.page.waitForEvent("websocket", (ws) => ws.url().includes("/live?token="));
  await phone.page.goto(conversation);
  const socket = await opened;
  await desk.page.goto(conversation);

  // Open and receiving: a private message reaches the phone live.
  const before = `Avant ${tag}`;
  await send(desk.page, before);
  await expect.poll(() => frames.some((frame) => frame.includes(before))).toBe(true);
  const token = new URL(socket.url()).searchParams.get("token")!;
  return { browser, person: { id: ids[0]!, ...person }, phone, desk: desk.page, conversation, sockets, frames, socket, token, contexts: [phone.context, desk.context] };
}

/** Another browser of the same person (the desk at home, while the phone is lost). */
async function ownOtherDevice(s: Scene): Promise<Page> {
  const other = await signedInContext(s.browser, s.person);
  s.contexts.push(other.context);
  return other.page;
}

async function adminOn(s: Scene): Promise<Page> {
  const admin = await s.browser.newContext({ storageState: storageState("admin") });
  s.contexts.push(admin);
  const page = await admin.newPage();
  await page.goto(`/admin/users/${s.person.id}`);
  return page;
}

/** How the session ends, and whether the account stays active (a deactivated one is sent no private message at all). */
const ways: [string, (s: Scene) => Promise<void>, { staysActive: boolean }?][] = [
  [
    "signing out in another tab of the phone",
    async (s) => {
      const tab = await s.phone.context.newPage();
      await tab.goto("/sign-out");
      await tab.getByRole("button", { name: "Se déconnecter" }).click();
      await expect(tab).toHaveURL(/\/sign-in\?signedOut=1$/);
    },
  ],
  [
    "Se déconnecter de tous les appareils, from another device",
    async (s) => {
      const page = await ownOtherDevice(s);
      await page.goto("/profile");
      await page.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
      await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    },
  ],
  [
    "a password change, from another device",
    async (s) => {
      const page = await ownOtherDevice(s);
      await page.goto("/profile");
      await page.getByLabel("Mot de passe actuel").fill(s.person.password);
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(`${s.person.password}-neuf`);
      await page.getByLabel("Confirmer le nouveau mot de passe").fill(`${s.person.password}-neuf`);
      await page.getByRole("button", { name: "Changer le mot de passe" }).click();
      await expect(page.getByRole("region", { name: "Mot de passe" }).getByRole("status")).toContainText("Mot de passe changé.");
    },
  ],
  [
    "an admin's password reset",
    async (s) => {
      const page = await adminOn(s);
      await page.getByLabel("Mot de passe temporaire").fill("temporaire-2026-reset");
      await page.getByRole("button", { name: "Réinitialiser" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
      await expect(page.getByText("Mot de passe réinitialisé.")).toBeVisible();
    },
  ],
  [
    "an admin's change of role",
    async (s) => {
      const page = await adminOn(s);
      await page.getByLabel("Rôle").selectOption("supervisor");
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
    },
  ],
  [
    "an admin's deactivation",
    async (s) => {
      const page = await adminOn(s);
      await page.getByRole("button", { name: "Désactiver le compte" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
      await expect(page.getByRole("status")).toHaveText(`Le compte de ${s.person.name} est désactivé.`);
    },
    { staysActive: false },
  ],
];

for (const [way, endSession, { staysActive } = { staysActive: true }] of ways) {
  test(`${way} closes the phone's open socket at once, sends the phone to sign-in, and no private message reaches it after`, async ({ browser }) => {
    const s = await scene(browser);
    await endSession(s);

    // Closed by the hub: the phone's page did nothing but wait.
    await expect.poll(() => s.socket.isClosed()).toBe(true);
    await expect(s.phone.page).toHaveURL(/\/sign-in$/);
    // The token it was opened with (still within its minute) opens no other socket.
    expect(await upgradeStatus(s.token)).toBe(403);

    // Nothing of the phone's page listens any more (sign-in opens no socket), so a
    // colleague's message written after the end, private or to the whole team, reaches none.
    expect(s.sockets.filter((ws) => !ws.isClosed())).toEqual([]);
    const after = `Après la fin de session ${uniqueTag("ss")}`;
    if (staysActive) await send(s.desk, `${after} (en privé)`);
    await s.desk.goto("/messages/team");
    await send(s.desk, `${after} (à l’équipe)`);
    expect(s.frames.filter((frame) => frame.includes(after))).toEqual([]);

    for (const context of s.contexts) await context.close();
  });
}
