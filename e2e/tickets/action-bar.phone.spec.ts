import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, ticketRow, uniqueTag, userId } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";

// The ticket page's action bar on a 360 × 740 touch phone (phone project only).
// Chromium's fake microphone for the voice note: a recorded tone, no permission prompt.
test.use({
  storageState: storageState("technician"),
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const bar = (page: Page) => page.getByRole("form", { name: "Actions rapides" });
const tabBar = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

test("the action bar is on screen without scrolling, just above the tab bar, and its next step moves the ticket in one tap, with undo", async ({ page }) => {
  const mine = await userId(account("technician").email);
  const ticket = await createTicketRow({ title: `Barre ${uniqueTag("ab")}`, reporterEmail: account("operator").email, status: "diagnostic", assignedTo: mine });
  await page.goto(`/tickets/${ticket.ticketId}`);
  await expect(bar(page)).toBeInViewport({ ratio: 1 });
  const [barBox, tabsBox] = [(await bar(page).boundingBox())!, (await tabBar(page).boundingBox())!];
  expect(Math.abs(barBox.y + barBox.height - tabsBox.y)).toBeLessThanOrEqual(1);

  // One tap: the step "Mon travail" offers for this ticket, then the status it goes to.
  await bar(page).getByRole("button", { name: /^Commencer\s*En cours$/ }).click();
  await expect(bar(page).getByRole("status")).toContainText(`${ticket.ticketId} : en cours.`);
  await expect(page.getByTestId("ticket-status")).toHaveText("En cours");
  expect((await ticketRow(ticket.id)).status).toBe("in_progress");
  await expect(bar(page).getByRole("button", { name: /^Terminé$/ })).toBeVisible();

  await bar(page).getByRole("button", { name: "Annuler" }).click();
  await expect(bar(page).getByRole("status")).toContainText(`${ticket.ticketId} remis à «\u00a0Diagnostic\u00a0».`);
  await expect(page.getByTestId("ticket-status")).toHaveText("Diagnostic");
  expect((await ticketRow(ticket.id)).status).toBe("diagnostic");

  // The page keeps room for the bar: scrolled to the end, its last line shows above it.
  await page.getByTestId("timeline").locator("li").last().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = (await page.getByTestId("timeline").locator("li").last().boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual((await bar(page).boundingBox())!.y);
  await expectPageFitsWidth(page);
});

test("the bar is reached by keyboard: a team ticket is taken in one key press, and the comment button goes to the comment box", async ({ page }) => {
  const ticket = await createTicketRow({ title: `Clavier ${uniqueTag("ab")}`, reporterEmail: account("operator").email, status: "received", assignedTo: 0 });
  await page.goto(`/tickets/${ticket.ticketId}`);
  await page.getByRole("link", { name: /Retour au tableau/ }).focus();
  const take = bar(page).getByRole("button", { name: /^Je m’en occupe\s*À moi$/ });
  for (let i = 0; i < 8 && !(await take.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(take).toBeFocused();
  // Offered once on the page: the Actions panel leaves it to the bar.
  await expect(page.getByRole("button", { name: /Je m’en occupe/ })).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("ticket-assignee")).toHaveText(account("technician").name);
  expect((await ticketRow(ticket.id)).assigned_to).toBe(await userId(account("technician").email));
  const start = bar(page).getByRole("button", { name: /^Commencer\s*En cours$/ });
  await expect(start).toBeVisible();
  await start.focus();
  await page.keyboard.press("Tab");
  await expect(bar(page).getByRole("link", { name: "Commenter" })).toBeFocused();
  await page.keyboard.press("Enter");
  const box = page.getByLabel("Votre commentaire");
  await expect(box).toBeFocused();
  await expect(box).toBeInViewport();
  const text = `Roulement changé ${uniqueTag("ab")}`;
  await box.fill(text);
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByTestId("comments")).toContainText(text);
});

test("a photo from the bar is added as soon as it is chosen, and a voice note after listening, with its real length", async ({ page }) => {
  const ticket = await createTicketRow({ title: `Médias ${uniqueTag("ab")}`, reporterEmail: account("operator").email, status: "in_progress" });
  await page.goto(`/tickets/${ticket.ticketId}`);
  await bar(page).getByLabel("Photo", { exact: true }).setInputFiles({ name: "joint.png", mimeType: "image/png", buffer: png });
  await expect(bar(page).getByRole("status")).toHaveText("Photo ajoutée.");
  await expect(page.getByRole("heading", { name: "Photos et vidéos (1)" })).toBeVisible();

  await bar(page).getByRole("button", { name: "Note vocale" }).click();
  await expect(bar(page).getByTestId("recording")).toContainText(/0:0[1-9]/);
  await bar(page).getByRole("button", { name: "Arrêter" }).click();
  const recorded = bar(page).getByTestId("voice-duration");
  await expect(recorded).toHaveText(/^0:0[1-9]$/);
  const length = await recorded.textContent();
  await expect(bar(page)).toBeInViewport({ ratio: 1 });
  await bar(page).getByRole("button", { name: "Envoyer la note" }).click();
  await expect(bar(page).getByRole("status")).toHaveText("Note vocale ajoutée.");
  await expect(page.getByRole("heading", { name: "Photos et vidéos (2)" })).toBeVisible();
  await expect(page.getByTestId("voice-notes").getByTestId("voice-duration")).toHaveText(length!);
  await expect(page.getByTestId("timeline")).toContainText(`a ajouté une note vocale (${length})`);
  // The recorder is ready for the next note.
  await expect(bar(page).getByRole("button", { name: "Note vocale" })).toBeVisible();
});

test("a colleague's ticket is never taken in one tap: the bar offers its status step; an operator's bar has none", async ({ browser, page }) => {
  const colleague = await userId("patrick.lavoie@atelier.demo");
  const theirs = await createTicketRow({ title: `Collègue ${uniqueTag("ab")}`, reporterEmail: account("operator").email, status: "in_progress", assignedTo: colleague });
  await page.goto(`/tickets/${theirs.ticketId}`);
  await expect(bar(page).getByRole("button", { name: /^Terminé$/ })).toBeVisible();
  await expect(bar(page).getByRole("button", { name: /Je m’en occupe/ })).toHaveCount(0);

  const context = await browser.newContext({ storageState: storageState("operator") });
  const operator = await context.newPage();
  const ticket = await createTicketRow({ title: `Opérateur ${uniqueTag("ab")}`, reporterEmail: account("operator").email });
  await operator.goto(`/tickets/${ticket.ticketId}`);
  await expect(bar(operator)).toBeInViewport({ ratio: 1 });
  await expect(bar(operator).getByRole("button", { name: /Je m’en occupe|Commencer|Terminé/ })).toHaveCount(0);
  const comment = (await bar(operator).getByRole("link", { name: "Commenter" }).boundingBox())!;
  expect(comment.width).toBeGreaterThan(90);
  await context.close();
});
