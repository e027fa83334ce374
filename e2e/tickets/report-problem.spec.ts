import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createMachineRow, uniqueTag, userId } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";
import { expectSaidOnceOn } from "../fixtures/forms";

// The smallest valid PNG: a 1x1 pixel.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test.use({ storageState: storageState("operator"), viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("an operator reports a problem with a photo from a phone", async ({ page, browser }) => {
  const title = `Fuite ${uniqueTag("op")}`;
  const machine = `Presse ${uniqueTag("op")}`;
  await createMachineRow(machine);
  await page.goto("/tickets");
  // On a phone the board leaves reporting to the tab bar's Signaler, one tap from every page.
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Signaler", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signaler un problème" })).toBeVisible();

  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Machine", { exact: true }).selectOption({ label: `${machine} E2E` });
  await page.getByLabel("Priorité").selectOption("high");
  await page.getByLabel("Description").fill("Flaque sous la presse <b>depuis ce matin</b>");
  await page.getByLabel("Photos ou vidéos (facultatif)").setInputFiles({ name: "fuite.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();

  await expect(page).toHaveURL(/\/tickets\/TKT-M\d{3,}-\d{8}-\d{3}\?reported=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The confirmation names the new ticket.
  await expect(page.getByRole("status").filter({ hasText: "Signalement envoyé" })).toHaveText(/^Signalement envoyé : TKT-M\d{3,}-\d{8}-\d{3}\.$/);
  // Typed HTML stays text.
  await expect(page.getByRole("region", { name: "Détails" }).getByText("Flaque sous la presse <b>depuis ce matin</b>")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Photos et vidéos (1)" })).toBeVisible();
  const thumbnail = page.getByRole("button", { name: "Ouvrir fuite.png" }).locator("img");
  await expect(thumbnail).toHaveJSProperty("naturalWidth", 1);

  const [ticket] = await queryD1<{ id: number; reported_by: number; priority: string }>(
    `SELECT id, reported_by, priority FROM tickets WHERE title = '${title}'`,
  );
  expect(ticket).toMatchObject({ reported_by: await userId(account("operator").email), priority: "high" });
  const media = await queryD1<{ id: number; file_type: string }>(`SELECT id, file_type FROM media WHERE ticket_id = ${ticket!.id}`);
  expect(media).toEqual([{ id: expect.any(Number), file_type: "image/png" }]);

  // The photo is served to a signed-in user, and to nobody without a session.
  expect((await page.request.get(`/media/${media[0]!.id}`)).headers()["content-type"]).toBe("image/png");
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await stranger.request.get(`/media/${media[0]!.id}`);
  expect(response.status()).toBe(401);
  await stranger.close();

  await expectPageFitsWidth(page);
});

test("a fake photo taken with the camera is refused once, on the camera's own field", async ({ page }) => {
  const title = `Fausse photo ${uniqueTag("op")}`;
  const machineId = await createMachineRow(`Perceuse ${uniqueTag("op")}`);
  await page.goto(`/tickets/new?machine=${machineId}`);
  await page.getByLabel("Titre").fill(title);
  const camera = page.getByLabel("Ou prendre une photo maintenant");
  await camera.setInputFiles({ name: "camera.jpg", mimeType: "image/jpeg", buffer: Buffer.from("pas une image") });
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expectSaidOnceOn(page, camera, "« camera.jpg » n’est pas une photo ou une vidéo acceptée (JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM).");
  await expect(camera).toBeFocused();
  await expect(page.getByLabel("Photos ou vidéos (facultatif)")).not.toHaveAttribute("aria-invalid", "true");
  expect(await queryD1(`SELECT id FROM tickets WHERE title = '${title}'`)).toEqual([]);
});

test("a file that is not a photo is refused with a clear message and nothing is created", async ({ page }) => {
  const title = `Faux fichier ${uniqueTag("op")}`;
  const machineId = await createMachineRow(`Tour ${uniqueTag("op")}`);
  await page.goto(`/tickets/new?machine=${machineId}`);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Photos ou vidéos (facultatif)").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("%PDF-1.7 pas une image") });
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expectSaidOnceOn(page, page.getByLabel("Photos ou vidéos (facultatif)"), "« photo.jpg » n’est pas une photo ou une vidéo acceptée (JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM).");
  await expect(page.getByLabel("Titre")).toHaveValue(title);
  expect(await queryD1(`SELECT id FROM tickets WHERE title = '${title}'`)).toEqual([]);
});
