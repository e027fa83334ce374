import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { offline, online, workerReady } from "../fixtures/offline";
import { uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("technician") });

test("a message typed offline waits on the device and is delivered once when the network returns", async ({ page, context }) => {
  const text = `Convoyeur 3 reparti ${uniqueTag("off")}`;
  const stored = async () => (await queryD1<{ n: number }>(`SELECT COUNT(*) AS n FROM messages WHERE content = ${sqlText(text)}`))[0]!.n;
  await page.goto("/messages/team");
  await workerReady(page);
  await offline(context, page);

  await page.getByLabel("Votre message").fill(text);
  await page.getByRole("button", { name: "Envoyer" }).click();
  const pending = page.getByRole("main").getByTestId("pending-item").filter({ hasText: text });
  await expect(pending).toContainText("En attente d’envoi");
  await expect(page.getByLabel("Votre message")).toHaveValue("");
  expect(await stored()).toBe(0);

  await online(context);
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId("message").filter({ hasText: text })).toHaveCount(1);
  expect(await stored()).toBe(1);

  await page.reload();
  await expect(page.getByTestId("message").filter({ hasText: text })).toHaveCount(1);
  expect(await stored()).toBe(1);
});

test("what was typed in the composer survives the tab being closed", async ({ page, context }) => {
  const text = `Brouillon de message ${uniqueTag("off")}`;
  await page.goto("/messages/team");
  await page.getByLabel("Votre message").fill(text);
  await page.close();
  const again = await context.newPage();
  await again.goto("/messages/team");
  await expect(again.getByLabel("Votre message")).toHaveValue(text);
  await again.getByRole("button", { name: "Envoyer" }).click();
  await expect(again.getByTestId("message").filter({ hasText: text })).toHaveAttribute("data-message-id", /\d+/);
  await again.reload();
  await expect(again.getByLabel("Votre message")).toHaveValue("");
});
