import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { SAID } from "../../tests/fixtures/whisper-stand-in/said";
import { storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { signedInContext } from "../fixtures/sign-in";
import { createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// Voice notes transcribed (lib/voice/). A plant spec: transcription is a plant-wide
// setting, and the plant world's worker is the one with Workers AI, its `AI` binding
// the Whisper stand-in (scripts/e2e-server.mjs), which hears SAID.fr in every French
// note. Chromium's fake microphone records the notes: a tone, no permission prompt.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

const stamp = () => new Date().toISOString().replace("Z", "+00:00");

/** The admin's switch, as its page saves it (each test that needs it on says so; the admin's own test uses the page). */
async function setTranscription(on: boolean) {
  await queryD1(
    `INSERT INTO settings (key, value, updated_at) VALUES ('voice.transcribe', ${sqlText(String(on))}, ${sqlText(stamp())})
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
}

test.afterAll(() => setTranscription(false));

async function person(browser: Browser, name: string, role: string) {
  const user = await createUser({ name: `${name} ${uniqueTag("vt")}`, role, password: "Transcription-2026!" });
  const { context, page } = await signedInContext(browser, user);
  return { ...user, id: await userId(user.email), context, page };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => `${v.impact} ${v.id}: ${v.help}`);
}

test("an admin turns transcription on in the settings, where the deployment has Workers AI", async ({ browser }) => {
  await setTranscription(false);
  const context = await browser.newContext({ storageState: storageState("admin") });
  const page = await context.newPage();
  await page.goto("/admin/settings");
  const card = page.getByRole("region", { name: "Notes vocales" });
  const box = card.getByRole("checkbox", { name: "Transcrire les notes vocales" });
  await expect(box).not.toBeChecked();
  await box.check();
  await card.getByRole("button", { name: "Enregistrer" }).click();
  await expect(card.getByRole("status")).toHaveText("Les nouvelles notes vocales seront transcrites.");
  expect(await queryD1<{ value: string }>("SELECT value FROM settings WHERE key = 'voice.transcribe'")).toEqual([{ value: "true" }]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Notes vocales" }).getByRole("checkbox")).toBeChecked();
  await context.close();
});

test("a voice note in a conversation shows its transcription live under the player; its author corrects it, the other person cannot", async ({ browser }) => {
  await setTranscription(true);
  const author = await person(browser, "Karine", "technician");
  const other = await person(browser, "Luc", "supervisor");
  const conversation = `/messages/${[author.id, other.id].sort((a, b) => a - b).join("-")}`;
  await author.page.goto(conversation);
  await other.page.goto(conversation);

  await author.page.getByRole("button", { name: "Enregistrer une note vocale" }).click();
  await expect(author.page.getByTestId("recording")).toContainText(/0:0[1-9]/);
  await author.page.getByRole("button", { name: "Arrêter" }).click();
  await author.page.getByRole("button", { name: "Envoyer" }).click();
  const sent = author.page.getByTestId("message").filter({ has: author.page.locator("audio") }).last();
  await expect(sent).toHaveAttribute("data-message-id", /\d+/);
  const id = await sent.getAttribute("data-message-id");

  // Both open pages get the text when it is written, without a reload.
  for (const page of [author.page, other.page]) {
    const transcript = page.locator(`[data-message-id="${id}"]`).getByTestId("transcript");
    await expect(transcript).toContainText("Transcription automatique");
    await expect(transcript).toContainText(SAID.fr!);
  }
  const seen = other.page.locator(`[data-message-id="${id}"]`).getByTestId("transcript");
  await expect(seen.getByRole("button", { name: "Modifier la transcription" })).toHaveCount(0);
  expect(await seriousViolations(other.page)).toEqual([]);

  const mine = author.page.locator(`[data-message-id="${id}"]`).getByTestId("transcript");
  await mine.getByRole("button", { name: "Modifier la transcription" }).click();
  const box = mine.getByLabel("Texte de votre note vocale");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(SAID.fr!);
  expect(await seriousViolations(author.page)).toEqual([]);
  await box.fill("La presse 3 fuit encore : joint de la pompe à changer.");
  await mine.getByRole("button", { name: "Enregistrer" }).click();
  await expect(mine).toContainText("Transcription automatique · modifiée");
  await expect(mine.getByText("La presse 3 fuit encore : joint de la pompe à changer.")).toBeVisible();
  await expect(mine.getByRole("button", { name: "Modifier la transcription" })).toBeFocused();
  // The correction reaches the other person's open page too, marked.
  await expect(seen).toContainText("La presse 3 fuit encore : joint de la pompe à changer.");
  await expect(seen.getByTestId("transcript-edited")).toBeVisible();
  await expect(seen.getByRole("button", { name: "Modifier la transcription" })).toHaveCount(0);

  const [row] = await queryD1<{ transcript: string; transcript_status: string; edited: number }>(
    `SELECT transcript, transcript_status, transcript_edited_at IS NOT NULL AS edited FROM messages WHERE id = ${Number(id)}`,
  );
  expect(row).toEqual({ transcript: "La presse 3 fuit encore : joint de la pompe à changer.", transcript_status: "done", edited: 1 });
  for (const { context } of [author, other]) await context.close();
});

test("a voice note on a ticket shows its transcription without a reload, and its author's correction is in the timeline", async ({ browser }) => {
  await setTranscription(true);
  const author = await person(browser, "Nadia", "technician");
  const colleague = await person(browser, "Hugo", "technician");
  const ticket = await createTicketRow({ title: `Fuite ${uniqueTag("vt")}`, reporterEmail: colleague.email, status: "in_progress" });
  await author.page.goto(`/tickets/${ticket.ticketId}`);
  await colleague.page.goto(`/tickets/${ticket.ticketId}`);

  const bar = author.page.getByRole("form", { name: "Actions rapides" });
  await bar.getByRole("button", { name: "Note vocale" }).click();
  await expect(bar.getByTestId("recording")).toContainText(/0:0[1-9]/);
  await bar.getByRole("button", { name: "Arrêter" }).click();
  await bar.getByRole("button", { name: "Envoyer la note" }).click();
  await expect(bar.getByRole("status")).toHaveText("Note vocale ajoutée.");

  const mine = author.page.getByTestId("voice-notes").getByTestId("transcript");
  await expect(mine).toContainText(SAID.fr!);
  // A ticket's page shows a colleague's new notes and comments once read again (it follows live changes only while
  // a note of its awaits its text): the colleague's page, opened before the note, reloads.
  await colleague.page.reload();
  const theirs = colleague.page.getByTestId("voice-notes").getByTestId("transcript");
  await expect(theirs).toContainText(SAID.fr!);
  await expect(theirs.getByRole("button", { name: "Modifier la transcription" })).toHaveCount(0);

  await mine.getByRole("button", { name: "Modifier la transcription" }).click();
  await mine.getByLabel("Texte de votre note vocale").fill("Joint du vérin changé, plus de fuite.");
  await mine.getByRole("button", { name: "Enregistrer" }).click();
  await expect(mine).toContainText("Transcription automatique · modifiée");
  await expect(mine).toContainText("Joint du vérin changé, plus de fuite.");
  await expect(author.page.getByTestId("timeline")).toContainText(`${author.name} a corrigé la transcription d’une note vocale`);
  for (const { context } of [author, colleague]) await context.close();
});

test("on a 360 px phone, the correction box of a ticket's note opens with its buttons on screen, not under the action bar", async ({ browser }) => {
  await setTranscription(true);
  const author = await person(browser, "Nadia", "technician");
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, storageState: await author.context.storageState() });
  const page = await phone.newPage();
  const ticket = await createTicketRow({ title: `Fuite ${uniqueTag("vt")}`, reporterEmail: author.email, status: "in_progress" });
  await page.goto(`/tickets/${ticket.ticketId}`);
  const bar = page.getByRole("form", { name: "Actions rapides" });
  await bar.getByRole("button", { name: "Note vocale" }).click();
  await expect(bar.getByTestId("recording")).toContainText(/0:0[1-9]/);
  await bar.getByRole("button", { name: "Arrêter" }).click();
  await bar.getByRole("button", { name: "Envoyer la note" }).click();
  const mine = page.getByTestId("voice-notes").getByTestId("transcript");
  await expect(mine).toContainText(SAID.fr!);

  // The person scrolls until "Modifier" sits just above the action bar, and taps it: the box opens below it.
  const edit = mine.getByRole("button", { name: "Modifier la transcription" });
  const barTop = await bar.evaluate((el) => el.getBoundingClientRect().top);
  await edit.evaluate((el, top) => window.scrollBy(0, el.getBoundingClientRect().bottom - top + 8), barTop);
  await expect.poll(() => edit.evaluate((el, top) => el.getBoundingClientRect().bottom <= top, barTop)).toBe(true);
  await edit.tap();
  await expect(mine.getByLabel("Texte de votre note vocale")).toBeFocused();
  // What a finger would touch at the middle of each button is that button, not the bar over it.
  for (const name of ["Enregistrer", "Annuler"]) {
    const button = mine.getByRole("button", { name });
    await expect
      .poll(() => button.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      }))
      .toBe(true);
  }
  await phone.close();
  await author.context.close();
});
