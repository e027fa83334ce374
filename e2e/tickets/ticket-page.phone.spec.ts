import { expect, test, type Locator } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, openTicketChanges, uniqueTag } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";

// The ticket page at 360 px (phone project only).
test.use({ storageState: storageState("supervisor") });

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
/** Entirely inside the 360 px viewport, not clipped by its right edge. */
async function expectInsideViewport(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
}

async function newTicket(prefix: string) {
  const ticket = await createTicketRow({ title: `${prefix} ${uniqueTag("ph")}`, reporterEmail: account("operator").email });
  return ticket;
}

test("the Modifier sheet fits a phone and its date field shows its whole placeholder", async ({ page }) => {
  const ticket = await newTicket("Feuille mobile");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const sheet = await openTicketChanges(page);
  await expectInsideViewport(sheet);
  const date = sheet.getByLabel("Date");
  await expectInsideViewport(date);
  // The date field has a row of its own: at half a phone's width it cut "aaaa-mm-jj".
  expect((await date.boundingBox())!.width).toBeGreaterThan(250);
  await expectInsideViewport(sheet.getByRole("button", { name: "Planifier" }));
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expectPageFitsWidth(page);
});

test("each photo has its delete control under it, and the viewer fits 360 px", async ({ page }) => {
  const ticket = await newTicket("Photos");
  await page.goto(`/tickets/${ticket.ticketId}`);
  const upload = page.getByRole("form", { name: "Ajouter des photos ou vidéos" });
  await upload.getByLabel("Ajouter des photos ou vidéos").setInputFiles([
    { name: "p1.png", mimeType: "image/png", buffer: png },
    { name: "p2.png", mimeType: "image/png", buffer: png },
  ]);
  await upload.getByRole("button", { name: "Téléverser" }).click();
  await expect(page.getByRole("heading", { name: "Photos et vidéos (2)" })).toBeVisible();

  const items = page.getByTestId("media-item");
  await expect(items).toHaveCount(2);
  for (const name of ["p1.png", "p2.png"]) {
    const item = items.filter({ has: page.getByRole("button", { name: `Ouvrir ${name}` }) });
    await expect(item.getByRole("button", { name: `Supprimer « ${name} »` })).toBeVisible();
    await expect(item.getByRole("button", { name: /^Supprimer/ })).toHaveCount(1);
    await expectInsideViewport(item.getByRole("button", { name: `Supprimer « ${name} »` }));
  }

  await page.getByRole("button", { name: "Ouvrir p1.png" }).click();
  const viewer = page.getByRole("dialog", { name: "Visionneuse" });
  await expect(viewer).toContainText("1 sur 2");
  for (const name of ["Précédent", "Fermer", "Suivant"]) await expectInsideViewport(viewer.getByRole("button", { name }));
  await viewer.getByRole("button", { name: "Suivant" }).click();
  await expect(viewer).toContainText("p2.png — 2 sur 2");
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();

  // Delete the second photo from under it; a lone photo has nothing to browse.
  await items.filter({ has: page.getByRole("button", { name: "Ouvrir p2.png" }) }).getByRole("button", { name: "Supprimer « p2.png »" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page.getByRole("heading", { name: "Photos et vidéos (1)" })).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir p1.png" }).click();
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Suivant" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Précédent" })).toHaveCount(0);
  await expect(viewer).not.toContainText("1 sur 1");
  await expectInsideViewport(viewer.getByRole("button", { name: "Fermer" }));
  await expectPageFitsWidth(page);
});
