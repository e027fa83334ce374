import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { expectPageFitsWidth } from "../fixtures/layout";
import { outboxCount, reportOfflineThenOnline, seriousAxeFindings } from "../fixtures/offline";

test.use({ storageState: storageState("operator") });

test("on a phone, a report made in a dead zone waits in the header's list, fits the screen, and is sent once when the network returns", async ({ page, context }) => {
  await reportOfflineThenOnline(page, context, async () => {
    await expectPageFitsWidth(page);
    // The header's count opens the list of what waits, within the 360 px screen.
    await outboxCount(page).click();
    const list = page.getByRole("banner").getByTestId("pending-items");
    await expect(list.getByTestId("pending-item")).toHaveCount(1);
    await expect(list).toContainText("Signalement");
    const box = (await list.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });
});
