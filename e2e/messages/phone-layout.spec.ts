import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { uniqueTag } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";

test.use({ storageState: storageState("operator"), viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("the conversation list and a conversation fit a 360 px phone, with the composer in view", async ({ page }) => {
  await page.goto("/messages");
  await expect(page.locator('[data-conversation="team"]')).toBeVisible();
  await expectPageFitsWidth(page);

  await page.goto("/messages/team");
  const long = `${uniqueTag("ph")} ${"un-mot-très-long-sans-espace".repeat(6)}`;
  await page.getByLabel("Votre message").fill(long);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("message").filter({ hasText: long.slice(0, 20) })).toHaveAttribute("data-message-id", /\d+/);
  await expectPageFitsWidth(page);
  await expect(page.getByRole("button", { name: "Envoyer" })).toBeInViewport();
  // The message just sent shows whole above the composer, which stays on screen (sticky): not under it.
  const sent = page.getByTestId("message").filter({ hasText: long.slice(0, 20) });
  await expect(sent).toBeInViewport({ ratio: 1 });
  await expect
    .poll(async () => {
      const [message, composer] = await Promise.all([sent.boundingBox(), page.getByLabel("Votre message").locator("xpath=ancestor::form").boundingBox()]);
      return message && composer ? Math.round(composer.y - (message.y + message.height)) : null;
    })
    .toBeGreaterThanOrEqual(0);
});
