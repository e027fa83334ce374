import { expect, test, type Page } from "@playwright/test";
import { createPerson } from "../fixtures/groups";
import { signedInContext } from "../fixtures/sign-in";
import { uniqueTag } from "../fixtures/tickets";

const PASSWORD = "Groupe-en-direct-2026";

async function say(page: Page, text: string) {
  await page.getByLabel("Votre message").fill(text);
  await page.getByRole("button", { name: "Envoyer" }).click();
}

test("a group conversation reaches its three members live, and a removed member is cut off, open socket included", async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = uniqueTag("grp");
  const name = `Arrêt presse ${tag}`;
  const [lead, tech, operator] = await Promise.all([
    createPerson({ name: `Julie ${tag}`, role: "supervisor", password: PASSWORD }),
    createPerson({ name: `Marc ${tag}`, role: "technician", password: PASSWORD }),
    createPerson({ name: `Nadia ${tag}`, role: "operator", password: PASSWORD }),
  ]);
  const [leadSide, techSide, opSide] = [await signedInContext(browser, lead), await signedInContext(browser, tech), await signedInContext(browser, operator)];
  const [julie, marc, nadia] = [leadSide.page, techSide.page, opSide.page];

  // Everything Nadia's live socket receives, as it receives it.
  const frames: string[] = [];
  await nadia.routeWebSocket(/\/live\?token=/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      frames.push(String(message));
      ws.send(message);
    });
  });
  await Promise.all([marc.goto("/messages"), nadia.goto("/messages")]);

  // Julie makes the group on its form: a name, then the two people found by typing.
  await julie.goto("/messages");
  await julie.getByRole("link", { name: "Nouveau groupe" }).click();
  await julie.getByLabel("Nom du groupe").fill(name);
  for (const person of [tech, operator]) {
    await julie.getByLabel("Chercher une personne").fill(person.name);
    await julie.getByRole("checkbox", { name: new RegExp(person.name) }).check();
  }
  await expect(julie.getByText("2 personnes choisies")).toBeVisible();
  await julie.getByRole("button", { name: "Créer le groupe" }).click();
  await expect(julie).toHaveURL(/\/messages\/g\d+$/);
  await expect(julie.getByRole("heading", { level: 1 })).toHaveText(name);
  const key = new URL(julie.url()).pathname.split("/").pop()!;

  // It appears in the others' open lists, live, and opens for both.
  for (const page of [marc, nadia]) await expect(page.locator(`[data-conversation="${key}"]`)).toContainText(name);
  await Promise.all([marc.goto(`/messages/${key}`), nadia.goto(`/messages/${key}`)]);
  await expect(marc.getByRole("link", { name: /3 membres/ })).toBeVisible();

  // Each message reaches the two others, live.
  const first = `On arrête la presse à 10 h ${tag}`;
  await say(julie, first);
  for (const page of [marc, nadia]) await expect(page.getByTestId("message").filter({ hasText: first })).toHaveAttribute("data-message-id", /\d+/);
  const second = `Bien reçu, j'y vais ${tag}`;
  await say(marc, second);
  for (const page of [julie, nadia]) await expect(page.getByTestId("message").filter({ hasText: second })).toHaveAttribute("data-message-id", /\d+/);
  expect(frames.some((frame) => frame.includes(second))).toBe(true);

  // Julie removes Nadia, after a question that says what it does.
  await julie.goto(`/messages/${key}/members`);
  await julie.getByRole("button", { name: `Retirer ${operator.name} du groupe` }).click();
  const dialog = julie.getByRole("dialog");
  await expect(dialog).toContainText("perd aussitôt toute la conversation");
  await dialog.getByRole("button", { name: "Retirer" }).click();
  await expect(julie.getByTestId("group-members").locator("[data-member]")).toHaveCount(2);
  // Marc's open page hears who is left; Nadia's says she is out, at once.
  await expect(marc.getByRole("link", { name: /2 membres/ })).toBeVisible();
  await expect(nadia.getByTestId("removed-from-group")).toHaveText(/Vous ne faites plus partie de ce groupe/);
  await expect(nadia.getByTestId("message")).toHaveCount(0);

  // What the group says next reaches Marc, and nothing of it reaches Nadia's socket, which is still open:
  // a team message sent after it arrives there, and would have come after the group's.
  await julie.goto(`/messages/${key}`);
  const after = `Après le départ de Nadia ${tag}`;
  await say(julie, after);
  await expect(marc.getByTestId("message").filter({ hasText: after })).toHaveAttribute("data-message-id", /\d+/);
  await marc.goto("/messages/team");
  const team = `Pour toute l'équipe ${tag}`;
  await say(marc, team);
  await expect.poll(() => frames.some((frame) => frame.includes(team)), { timeout: 30_000 }).toBe(true);
  expect(frames.some((frame) => frame.includes(after))).toBe(false);
  await expect(nadia.getByTestId("removed-from-group")).toBeVisible();

  // The group is gone from her list, and its address is a 404 like any that does not exist.
  await nadia.goto("/messages");
  await expect(nadia.locator(`[data-conversation="${key}"]`)).toHaveCount(0);
  expect((await nadia.goto(`/messages/${key}`))?.status()).toBe(404);

  for (const side of [leadSide, techSide, opSide]) await side.context.close();
});
