import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { userId } from "../fixtures/tickets";

// Chromium's fake microphone: a recorded tone, no permission prompt.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

test("a voice note sent privately plays for its recipient, and a third person gets a 404 for the page and the audio", async ({ browser }) => {
  const technician = await browser.newContext({ storageState: storageState("technician") });
  const supervisor = await browser.newContext({ storageState: storageState("supervisor") });
  const operator = await browser.newContext({ storageState: storageState("operator") });

  const tech = await technician.newPage();
  await tech.goto("/messages");
  await tech.getByRole("link", { name: "Nouveau message" }).click();
  await tech.getByRole("link", { name: /Marc Gagnon/ }).click();
  await expect(tech.getByRole("heading", { level: 1 })).toHaveText("Marc Gagnon");
  const conversationUrl = new URL(tech.url()).pathname;
  const [a, b] = [await userId(account("technician").email), await userId(account("supervisor").email)].sort((x, y) => x - y);
  expect(conversationUrl).toBe(`/messages/${a}-${b}`);

  await tech.getByRole("button", { name: "Enregistrer une note vocale" }).click();
  await expect(tech.getByTestId("recording")).toContainText(/0:0[1-9]/);
  await tech.getByRole("button", { name: "Arrêter" }).click();
  // Its length as recorded, before sending: never "0:00" nor an endless WebM's Infinity.
  const recorded = tech.getByRole("form", { name: "Rédiger un message" }).getByTestId("voice-note");
  await expect(recorded.getByTestId("voice-duration")).toHaveText(/^0:0[1-9]$/);
  const length = await recorded.getByTestId("voice-duration").textContent();
  await tech.getByRole("button", { name: "Envoyer" }).click();
  // Stored once it has its player: the optimistic copy shows no audio yet.
  const sent = tech.getByTestId("message").filter({ has: tech.locator("audio") }).last();
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  const messageId = await sent.getAttribute("data-message-id");
  const audioUrl = `/media/messages/${messageId}/audio`;

  await expect(sent.getByTestId("voice-duration")).toHaveText(length!);

  const sup = await supervisor.newPage();
  await sup.goto(conversationUrl);
  const note = sup.locator(`[data-message-id="${messageId}"]`).getByTestId("voice-note");
  await expect(note).toHaveAccessibleName(`Note vocale de Julie Roy, ${length}`);
  await expect(note.getByTestId("voice-duration")).toHaveText(length!);
  // It plays: the player's own button, then the position moves on.
  await note.getByRole("button", { name: "Écouter" }).click();
  await expect(note.getByRole("button", { name: "Pause" })).toBeVisible();
  const audio = note.locator(`audio[src="${audioUrl}"]`);
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 20_000 }).toBeGreaterThan(0);
  const served = await sup.request.get(audioUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("audio/webm");
  expect(served.headers()["content-disposition"]).toBe(`inline; filename="note-${messageId}.webm"`);

  // The technician sees "lu" once the supervisor has read it.
  await tech.reload();
  await expect(tech.locator(`[data-message-id="${messageId}"]`).getByTestId("read")).toBeVisible();

  const third = await operator.newPage();
  expect((await third.goto(conversationUrl))?.status()).toBe(404);
  expect((await third.request.get(audioUrl)).status()).toBe(404);

  for (const context of [technician, supervisor, operator]) await context.close();
});
