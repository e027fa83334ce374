import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { liveToken, upgradeStatus } from "../fixtures/live";
import { uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

test("the live socket is refused before it opens without a valid token: none, tampered, expired (401)", async () => {
  const id = await userId(account("technician").email);
  expect(await upgradeStatus(await liveToken(id))).toBe(101);
  expect(await upgradeStatus()).toBe(401);
  const token = await liveToken(id);
  expect(await upgradeStatus(token.replace(/^\d+\./, `${await userId(account("admin").email)}.`))).toBe(401);
  expect(await upgradeStatus(await liveToken(id, Date.now() - 120_000))).toBe(401);
});

test("a third person's socket receives nothing of another pair's conversation", async ({ browser }) => {
  const technician = await browser.newContext({ storageState: storageState("technician") });
  const operator = await browser.newContext({ storageState: storageState("operator") });
  const third = await operator.newPage();
  const frames: string[] = [];
  third.on("websocket", (ws) => ws.on("framereceived", (frame) => frames.push(String(frame.payload))));
  const opened = third.waitForEvent("websocket", (ws) => ws.url().includes("/live?token="));
  // Any page: the app shell opens the tab's socket.
  await third.goto("/tickets");
  await opened;

  // A pair of its own, so nobody else's unread count changes.
  const colleague = await createUser({ name: "Mécanicien Discret", role: "technician", password: "discret-2026-live" });
  const tech = await technician.newPage();
  const ids = [await userId(account("technician").email), await userId(colleague.email)].sort((a, b) => a - b);
  await tech.goto(`/messages/${ids[0]}-${ids[1]}`);
  const secret = `Entre nous ${uniqueTag("px")}`;
  await tech.getByLabel("Votre message").fill(secret);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  await expect(tech.getByTestId("message").filter({ hasText: secret })).toHaveAttribute("data-message-id", /\d+/);
  // A team message sent after it arrives: the private one would have come first.
  await tech.goto("/messages/team");
  const team = `Pour tous ${uniqueTag("px")}`;
  await tech.getByLabel("Votre message").fill(team);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  await expect.poll(() => frames.some((f) => f.includes(team))).toBe(true);
  expect(frames.filter((f) => f.includes(secret))).toEqual([]);

  await technician.close();
  await operator.close();
});
