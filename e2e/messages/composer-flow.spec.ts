import { expect, test } from "@playwright/test";
import { expectSaidOnceOn } from "../fixtures/forms";
import { storageState } from "../fixtures/accounts";
import { uniqueTag } from "../fixtures/tickets";

// Found by bench:messages: the box was emptied when the server answered, so a
// message typed while the previous one was on its way was wiped before it was sent.
test("the composer empties at once on sending, and what is typed next survives the previous send's answer", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("technician") });
  const page = await context.newPage();
  await page.goto("/messages/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Équipe");

  // Hold the first send's request until the second message is typed.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route("**/messages/team", async (route) => {
    if (!held && route.request().method() === "POST") {
      held = true;
      await released;
    }
    await route.continue();
  });

  const first = `Premier ${uniqueTag("cf")}`;
  const second = `Deuxième ${uniqueTag("cf")}`;
  const box = page.getByLabel("Votre message");
  await box.fill(first);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(box).toHaveValue("");
  await expect(page.getByTestId("message").filter({ hasText: first })).toContainText("envoi");
  // The browser queues a server action behind a refresh already on its way (the
  // team channel is live and other specs post to it): on a loaded machine that
  // can take longer than an assertion's usual 15 s.
  await expect.poll(() => held, { timeout: 60_000 }).toBe(true);

  await box.fill(second);
  release();
  await expect(page.getByTestId("message").filter({ hasText: first })).toHaveAttribute("data-message-id", /\d+/);
  await expect(box).toHaveValue(second);

  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("message").filter({ hasText: second })).toHaveAttribute("data-message-id", /\d+/);
  await expect(box).toHaveValue("");
  await context.close();
});

test("a refused message puts its text back in the box with the reason", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("technician") });
  const page = await context.newPage();
  await page.goto("/messages/team");
  const text = `Avec une fausse photo ${uniqueTag("cf")}`;
  await page.getByLabel("Votre message").fill(text);
  await page.getByLabel("Joindre des photos").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("pas une image") });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expectSaidOnceOn(page, page.getByLabel("Joindre des photos"), "« photo.png » n’est pas une photo acceptée (JPEG, PNG, GIF, WebP, HEIC).");
  await expect(page.getByLabel("Votre message")).toHaveValue(text);
  await expect(page.getByTestId("message").filter({ hasText: text })).toHaveCount(0);
  await context.close();
});
