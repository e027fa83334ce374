import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";

test.use({ storageState: storageState("admin") });

// This world's worker has no Workers AI binding, as `npm start` and a deployment
// without it (the plant world has one: e2e/messages/voice-transcript.plant.spec.ts).
test("without Workers AI, the settings say nothing of transcribing voice notes", async ({ page }) => {
  await page.goto("/admin/settings");
  await expect(page.getByRole("region", { name: "Conservation des données" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Notes vocales" })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText(/transcri/i);
});
