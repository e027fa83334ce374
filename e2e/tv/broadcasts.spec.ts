import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { createScreenLinkRow } from "../fixtures/screens";
import { uniqueTag } from "../fixtures/tickets";

// Leads write what the shop's screens broadcast; the screens show it in turn with
// their dashboard, from its start to its end, and stop at once when it is deleted.

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test.use({ storageState: storageState("supervisor") });

test("a supervisor broadcasts an urgent notice with an image; the screens show it in turn, and stop once it is deleted", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag("diffusion");
  const text = `Évacuation exercice ${tag}`;
  await page.goto("/admin/screens");
  const form = page.getByRole("form", { name: "Nouveau message" });
  await form.getByLabel("Texte").fill(text);
  await form.getByLabel("Importance").selectOption("urgent");
  await form.locator('input[type="file"][name="image"]').setInputFiles({ name: "evacuation.png", mimeType: "image/png", buffer: png });
  await form.getByRole("button", { name: "Diffuser" }).click();
  await expect(form.getByRole("status")).toHaveText("Message diffusé : les écrans l’affichent dès son début.");
  const item = page.getByRole("list", { name: "En cours et à venir" }).getByRole("listitem").filter({ hasText: text });
  await expect(item).toContainText("Affiché maintenant");
  await expect(item).toContainText("Urgent");
  await expect(item).toContainText("Avec image");

  const screenLink = await createScreenLinkRow(`Écran ${tag}`);
  const screen = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await screen.goto(screenLink.path);
  // After the dashboard's turn (30 s), the urgent broadcasts come first.
  const slide = screen.getByTestId("tv-broadcast").filter({ hasText: text });
  await expect(slide).toBeVisible({ timeout: 120_000 });
  await expect(slide).toContainText("Urgent");
  const image = slide.locator("img");
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  const src = (await image.getAttribute("src"))!;
  expect(src).toMatch(new RegExp(`^/tv/${screenLink.secret}/image/\\d+$`));

  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  await item.getByRole("button", { name: `Supprimer le message « ${short} »` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer" }).click();
  await expect(item).toHaveCount(0);
  // The screen read again: the broadcast is gone from what it shows, and its image from its link.
  await expect.poll(async () => JSON.stringify(await (await screen.request.get(`${screenLink.path}/read`)).json())).not.toContain(tag);
  expect((await screen.request.get(src)).status()).toBe(404);
  await expect(slide).toHaveCount(0, { timeout: 60_000 });
  await screen.close();
});

test("a broadcast that would end before it starts is refused, in words, on its field", async ({ page }) => {
  await page.goto("/admin/screens");
  const form = page.getByRole("form", { name: "Nouveau message" });
  await form.getByLabel("Texte").fill(`À l’envers ${uniqueTag("envers")}`);
  await form.getByLabel("Début").fill("2030-01-02T08:00");
  await form.getByLabel("Fin").fill("2030-01-01T08:00");
  await form.getByRole("button", { name: "Diffuser" }).click();
  await expect(form.getByLabel("Fin")).toHaveAccessibleDescription(/La fin doit venir après le début\./);
});
