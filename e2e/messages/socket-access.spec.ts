import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { liveToken, upgradeStatus } from "../fixtures/live";
import { expectSignedIn, signInThroughForm } from "../fixtures/sign-in";
import { uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

test("the live socket is refused before it opens without a valid token: none, tampered, expired (401)", async () => {
  const id = await userId(account("technician").email);
  expect(await upgradeStatus(await liveToken(id))).toBe(101);
  expect(await upgradeStatus()).toBe(401);
  const [, expiry, signature] = (await liveToken(id)).split(".");
  expect(await upgradeStatus(`${await userId(account("admin").email)}.${expiry}.${signature}`)).toBe(401);
  expect(await upgradeStatus(await liveToken(id, Date.now() - 120_000))).toBe(401);
});

test("an admin deactivating a user closes their open socket at once, and their token opens no other (403)", async ({ browser }) => {
  const user = await createUser({ name: "Soudeur Sortant", role: "technician", password: "sortant-2026-live" });
  const [{ id }] = (await queryD1<{ id: number }>(`SELECT id FROM users WHERE email = ${sqlText(user.email)}`)) as [{ id: number }];
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await context.newPage();
  await signInThroughForm(theirs, user.email, user.password);
  await expectSignedIn(theirs, user.name);
  // Off the app first: the dashboard's own socket must not be the one watched.
  await theirs.goto("about:blank");
  const socket = theirs.waitForEvent("websocket", (ws) => ws.url().includes("/live?token="));
  await theirs.goto("/messages/team");
  const ws = await socket;
  // Open and receiving: a team message reaches it.
  const probe = `Avant la désactivation ${uniqueTag("dx")}`;
  // The admin's page loads and sends first: on a loaded machine that alone can take tens of seconds.
  const received = ws.waitForEvent("framereceived", { predicate: (frame) => String(frame.payload).includes(probe), timeout: 80_000 });
  const admin = await browser.newContext({ storageState: storageState("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/messages/team");
  await adminPage.getByLabel("Votre message").fill(probe);
  await adminPage.getByRole("button", { name: "Envoyer" }).click();
  await received;

  const token = await liveToken(id);
  expect(await upgradeStatus(token)).toBe(101);
  await adminPage.goto(`/admin/users/${id}`);
  await adminPage.getByRole("button", { name: "Désactiver le compte" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(adminPage.getByRole("status")).toHaveText(`Le compte de ${user.name} est désactivé.`);
  // Closed by the hub, not by the page: nothing in the page navigated or reloaded.
  await expect.poll(() => ws.isClosed()).toBe(true);
  expect(await upgradeStatus(token)).toBe(403);
  await expect(theirs.getByTestId("offline")).toBeVisible();

  await context.close();
  await admin.close();
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
