import { expect, test, type WebSocketRoute } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { uniqueTag, userId } from "../fixtures/tickets";

async function pairUrl() {
  const ids = [await userId(account("technician").email), await userId(account("supervisor").email)].sort((a, b) => a - b);
  return `/messages/${ids[0]}-${ids[1]}`;
}

test("team and private messages arrive live in the other browser, and the sender sees “lu” live", async ({ browser }) => {
  const technician = await browser.newContext({ storageState: storageState("technician") });
  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });
  const [tech, sup] = [await technician.newPage(), await supervisor.newPage()];

  await Promise.all([tech.goto("/messages/team"), sup.goto("/messages/team")]);
  await expect(sup.getByRole("heading", { level: 1 })).toHaveText("Équipe");
  // The socket is open once the page has caught up; no "offline" notice.
  await expect(sup.getByTestId("offline")).toHaveCount(0);
  const team = `Équipe en direct ${uniqueTag("live")}`;
  await tech.getByLabel("Votre message").fill(team);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  await expect(sup.getByTestId("message").filter({ hasText: team })).toHaveAttribute("data-message-id", /\d+/);

  const url = await pairUrl();
  await Promise.all([tech.goto(url), sup.goto(url)]);
  await expect(sup.getByRole("heading", { level: 1 })).toHaveText("Julie Roy");
  const text = `En privé ${uniqueTag("live")}`;
  await tech.getByLabel("Votre message").fill(text);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  await expect(sup.getByTestId("message").filter({ hasText: text })).toHaveCount(1);
  await expect(tech.getByTestId("message").filter({ hasText: text }).getByTestId("read")).toBeVisible();

  await technician.close();
  await supervisor.close();
});

test("a dropped socket says so, reconnects, and catches up without showing a message twice", async ({ browser }) => {
  const technician = await browser.newContext({ storageState: storageState("technician") });
  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });
  const [tech, sup] = [await technician.newPage(), await supervisor.newPage()];

  let blocked = false;
  const open: WebSocketRoute[] = [];
  await sup.routeWebSocket(/\/live\?token=/, (ws) => {
    if (blocked) return ws.close();
    ws.connectToServer();
    open.push(ws);
  });

  const url = await pairUrl();
  await Promise.all([tech.goto(url), sup.goto(url)]);
  await expect.poll(() => open.length).toBeGreaterThan(0);

  blocked = true;
  for (const ws of open.splice(0)) await ws.close();
  await expect(sup.getByTestId("offline")).toHaveText("hors ligne : nouvelle tentative…");

  const missed = `Pendant la coupure ${uniqueTag("drop")}`;
  await tech.getByLabel("Votre message").fill(missed);
  await tech.getByRole("button", { name: "Envoyer" }).click();
  await expect(tech.getByTestId("message").filter({ hasText: missed })).toHaveAttribute("data-message-id", /\d+/);
  await expect(sup.getByTestId("message").filter({ hasText: missed })).toHaveCount(0);

  blocked = false;
  await expect(sup.getByTestId("offline")).toHaveCount(0, { timeout: 45_000 });
  await expect(sup.getByTestId("message").filter({ hasText: missed })).toHaveCount(1);

  await technician.close();
  await supervisor.close();
});
