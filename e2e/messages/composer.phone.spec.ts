import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { addMessages, unreadFrom } from "../fixtures/messages";
import { signedInContext } from "../fixtures/sign-in";
import { createMachineRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";
import { expectPageFitsWidth } from "../fixtures/layout";

// The chat on a 360 × 740 touch phone (phone project only).
test.use({ storageState: storageState("technician") });

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const composer = (page: Page) => page.getByRole("form", { name: "Rédiger un message" });

async function sendText(page: Page, text: string): Promise<Locator> {
  await page.getByLabel("Votre message").fill(text);
  await page.getByRole("button", { name: "Envoyer" }).click();
  const sent = page.getByTestId("message").filter({ hasText: text });
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  return sent;
}

/** A finger resting on the element: touch events through the browser's own input pipeline, as a phone sends them. */
async function pressAndHold(page: Page, target: Locator, until: Locator) {
  const box = (await target.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: box.x + 12, y: box.y + box.height - 8 }] });
  // The press lasts until the menu shows (half a second): the assertion waits for it, no fixed sleep.
  await expect(until).toBeVisible();
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("at rest the composer is one row at most 120 px tall: attach, the text box, the microphone, send", async ({ page }) => {
  await page.goto("/messages/team");
  const form = composer(page);
  await expect(form).toBeInViewport({ ratio: 1 });
  await expect.poll(async () => (await form.boundingBox())!.height).toBeLessThanOrEqual(120);
  const attach = page.getByLabel("Joindre des photos");
  const row = [attach.locator(".."), page.getByLabel("Votre message"), page.getByRole("button", { name: "Enregistrer une note vocale" }), page.getByRole("button", { name: "Envoyer" })];
  const tops = await Promise.all(row.map(async (control) => Math.round((await control.boundingBox())!.y + (await control.boundingBox())!.height / 2)));
  // One row: every control's middle within a few pixels of the others'.
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
  // The browser's own file input ("Choose Files / No file chosen") is not shown: the app's button is.
  await expect(attach).toHaveCSS("position", "absolute");
  expect((await attach.boundingBox())!.width).toBeLessThanOrEqual(1);
  // The icons are drawn, never a character a font may lack.
  for (const control of row.slice(2)) await expect(control.locator("svg")).toHaveCount(1);

  // The box grows with the text, a few lines at most, and the composer with it.
  await page.getByLabel("Votre message").fill("une\ndeux\ntrois");
  await expect.poll(async () => (await form.boundingBox())!.height).toBeGreaterThan(100);
  await page.getByLabel("Votre message").fill(Array.from({ length: 20 }, (_, i) => `ligne ${i}`).join("\n"));
  await expect.poll(async () => (await page.getByLabel("Votre message").boundingBox())!.height).toBeLessThanOrEqual(134);
  await expectPageFitsWidth(page);
});

test("chosen photos show as thumbnails that can be taken out before sending", async ({ page }) => {
  await page.goto("/messages/team");
  await page.getByLabel("Joindre des photos").setInputFiles([
    { name: "p1.png", mimeType: "image/png", buffer: png },
    { name: "p2.png", mimeType: "image/png", buffer: png },
  ]);
  const chosen = composer(page).getByTestId("chosen-files").getByRole("img");
  await expect(chosen).toHaveCount(2);
  await page.getByRole("button", { name: "Retirer p1.png" }).click();
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toHaveAccessibleName("p2.png");
  const text = `Une seule photo ${uniqueTag("cp")}`;
  const sent = await sendText(page, text);
  await expect(sent.locator("img")).toHaveCount(1);
  await expect(composer(page).getByTestId("chosen-files")).toHaveCount(0);
});

test("a message's actions open from its “…” button by keyboard, and by a long press", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/messages/team");
  const text = `Copiez-moi ${uniqueTag("ma")}`;
  const sent = await sendText(page, text);
  // The bubble carries no action buttons of its own: one "…" button.
  await expect(sent.getByRole("button")).toHaveCount(1);
  const more = sent.getByRole("button", { name: /^Actions : message de / });
  const menu = page.getByRole("menu");

  await more.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Copier le texte" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Créer un ticket" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Supprimer" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(sent.getByRole("status")).toHaveText("Texte copié.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  const stored = page.locator(`[data-message-id="${await sent.getAttribute("data-message-id")}"]`);
  await pressAndHold(page, sent.getByText(text), menu);
  await menu.getByRole("menuitem", { name: "Supprimer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
  await expect(stored).toContainText("message supprimé");
  await expect(stored.getByRole("button")).toHaveCount(0);
});

test("a message made into a ticket says so and links to it, and a second report from it is refused with its code", async ({ page, context }) => {
  const machine = `Plieuse ${uniqueTag("mt")}`;
  const machineId = await createMachineRow(machine);
  await page.goto("/messages/team");
  const text = `La plieuse fuit ${uniqueTag("mt")}`;
  const sent = await sendText(page, text);
  const messageId = await sent.getAttribute("data-message-id");

  // A colleague's form, opened from the same message before the first report is sent.
  const late = await context.newPage();
  await late.goto(`/tickets/new?message=${messageId}`);
  await expect(late.getByLabel("Titre")).toHaveValue(text);

  await sent.getByRole("button", { name: /^Actions : / }).click();
  await page.getByRole("menuitem", { name: "Créer un ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/new\\?message=${messageId}$`));
  await page.getByLabel("Machine", { exact: true }).selectOption(String(machineId));
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page).toHaveURL(/\/tickets\/TKT-/);
  const ticketId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  await page.goto(`/messages/team#message-${messageId}`);
  const link = page.locator(`#message-${messageId}`).getByTestId("message-ticket").getByRole("link");
  await expect(link).toHaveText(`Devenu le ticket ${ticketId} · Requête reçue`);
  await page.locator(`#message-${messageId}`).getByRole("button", { name: /^Actions : / }).click();
  await expect(page.getByRole("menuitem", { name: "Créer un ticket" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: `Voir le ticket ${ticketId}` })).toBeVisible();
  await page.keyboard.press("Escape");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`));

  // The late form is refused, in words, with the ticket's code; nothing was created.
  await late.getByLabel("Machine", { exact: true }).selectOption(String(machineId));
  await late.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(late.getByRole("main").getByRole("alert").first()).toHaveText(`Ce message a déjà été signalé : c’est le ticket ${ticketId}. Ajoutez-y plutôt un commentaire.`);
  expect(await queryD1(`SELECT id FROM tickets WHERE source_message_id = ${messageId}`)).toHaveLength(1);
  // Opening the report from it again says so, with the link, and starts an empty form.
  await late.goto(`/tickets/new?message=${messageId}`);
  await expect(late.getByTestId("already-reported")).toContainText(ticketId);
  await expect(late.getByLabel("Titre")).toHaveValue("");
});

test("unread counts of 10, 99 and over 99 each render as one pill on one line: the tab, the list and, wider, the header", async ({ browser }) => {
  const password = "Pilule-e2e-2026";
  const viewer = await createUser({ name: `Lecteur ${uniqueTag("up")}`, role: "technician", password });
  const sender = await createUser({ name: `Bavard ${uniqueTag("up")}`, role: "technician", password });
  const [viewerId, senderId] = [await userId(viewer.email), await userId(sender.email)];
  const key = await unreadFrom(viewerId, senderId, 10);
  const { context, page } = await signedInContext(browser, viewer);
  await page.setViewportSize({ width: 360, height: 740 });

  // How many lines the pill's text takes: one box per line.
  const lines = (pill: Locator) => pill.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.querySelector("[aria-hidden=true]") ?? el);
    return range.getClientRects().length;
  });
  for (const [add, shown] of [[0, "10"], [89, "99"], [1, "99+"]] as const) {
    if (add) await addMessages(key, senderId, viewerId, add);
    await page.goto("/messages");
    for (const pill of [page.getByRole("navigation", { name: "Navigation principale" }).getByTestId("unread-badge"), page.getByTestId("conversation-unread")]) {
      await expect(pill).toHaveText(new RegExp(`^${shown.replace("+", "\\+")}`));
      expect(await lines(pill)).toBe(1);
      const box = (await pill.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(box.height);
      expect(box.height).toBeLessThanOrEqual(22);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const header = page.getByRole("navigation", { name: "Navigation principale" }).getByTestId("unread-badge");
    await expect(header).toHaveText(new RegExp(`^${shown.replace("+", "\\+")}`));
    expect(await lines(header)).toBe(1);
    await page.setViewportSize({ width: 360, height: 740 });
  }
  await context.close();
});
