import { expect, test, type Page } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { expectPageFitsWidth } from "../fixtures/layout";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

// Dictation on the report form (issue 23, item 2), on a 360 px touch phone: the
// browser's speech recognition writes what was said into the field, where it can
// be corrected. A test cannot speak to Chromium, so the page gets a stand-in for
// the Web Speech API, as Chrome on Android names it (webkitSpeechRecognition): it
// records the language it was asked for and "hears" what the test says it will.
test.use({ storageState: storageState("operator") });

/** A recognition that hears `window.__heard` (or fails with `window.__fails`), first as an interim guess, then final. */
async function fakeSpeech(page: Page) {
  await page.addInitScript(() => {
    type Listener = ((event: unknown) => void) | null;
    const speech = window as unknown as { __heard?: string; __fails?: string; __langs: string[]; webkitSpeechRecognition?: unknown; SpeechRecognition?: unknown };
    speech.__langs = [];
    class FakeRecognition {
      lang = "";
      interimResults = false;
      continuous = false;
      maxAlternatives = 1;
      onresult: Listener = null;
      onerror: Listener = null;
      onend: Listener = null;
      start() {
        speech.__langs.push(this.lang);
        const heard = speech.__heard ?? "";
        const result = (text: string, isFinal: boolean) => Object.assign([{ transcript: text, confidence: 0.9 }], { isFinal });
        setTimeout(() => {
          if (speech.__fails) this.onerror?.({ error: speech.__fails });
          else {
            this.onresult?.({ resultIndex: 0, results: [result(heard.split(" ")[0] ?? "", false)] });
            this.onresult?.({ resultIndex: 0, results: [result(heard, true)] });
          }
          this.onend?.(null);
        }, 100);
      }
      stop() {}
      abort() {}
    }
    speech.SpeechRecognition = undefined;
    speech.webkitSpeechRecognition = FakeRecognition;
  });
}

const hear = (page: Page, text: string) => page.evaluate((heard) => ((window as unknown as { __heard: string }).__heard = heard), text);
const languages = (page: Page) => page.evaluate(() => (window as unknown as { __langs: string[] }).__langs);

test("a sentence dictated in French is written in “Décrivez le problème” and fills the form from it", async ({ page }) => {
  const tag = uniqueTag("x9");
  const machineId = await createMachineRow(`Granuleuse ${tag}`);
  await fakeSpeech(page);
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Signaler un problème" });
  const said = `la granuleuse ${tag} est bloquée`;
  await hear(page, said);

  await form.getByRole("button", { name: "Dicter le problème" }).tap();
  await expect(form.getByLabel("Décrivez le problème")).toHaveValue(said);
  expect(await languages(page)).toEqual(["fr-CA"]);
  // The words heard fill the form as typed ones would.
  await expect(form.getByLabel("Machine", { exact: true })).toHaveValue(String(machineId));
  await expect(form.getByLabel("Priorité")).toHaveValue("high");
  await expect(form.getByLabel("Titre")).toHaveValue(`La granuleuse ${tag} est bloquée`);
  await expectPageFitsWidth(page);

  // What was heard can be corrected like anything typed.
  await form.getByLabel("Décrivez le problème").fill(`${said} depuis ce matin`);
  await expect(form.getByLabel("Décrivez le problème")).toHaveValue(`${said} depuis ce matin`);
});

test("dictating the details adds to what is already typed, where the caret is", async ({ page }) => {
  await fakeSpeech(page);
  await page.goto("/tickets/new");
  const description = page.getByLabel("Description");
  await description.fill("Bruit fort.");
  await hear(page, "Depuis ce matin");
  await page.getByRole("button", { name: "Dicter les détails" }).tap();
  await expect(description).toHaveValue("Bruit fort. Depuis ce matin");
  await expect(page.getByTestId("char-counter")).toHaveText("27 / 5000 caractères");
});

test("in English the microphone listens in en-CA", async ({ page }) => {
  await page.context().addCookies([{ name: "atelier-locale", value: "en", url: test.info().project.use.baseURL! }]);
  await fakeSpeech(page);
  await page.goto("/tickets/new");
  await hear(page, "the conveyor is stuck");
  await page.getByRole("button", { name: "Dictate the problem" }).tap();
  await expect(page.getByLabel("Describe the problem")).toHaveValue("the conveyor is stuck");
  expect(await languages(page)).toEqual(["en-CA"]);
});

test("without speech recognition in the browser there is no microphone, and the form works as before", async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ["SpeechRecognition", "webkitSpeechRecognition"]) Object.defineProperty(window, name, { value: undefined, configurable: true });
  });
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Signaler un problème" });
  await expect(form.getByRole("button", { name: "Remplir le formulaire" })).toBeVisible();
  await expect(form.getByTestId("dictation")).toHaveCount(0);
  await expect(form.getByRole("button", { name: /^Dicter/ })).toHaveCount(0);
});

test("a browser whose recognition cannot work says so in words, and its microphones go", async ({ page }) => {
  await fakeSpeech(page);
  await page.addInitScript(() => ((window as unknown as { __fails: string }).__fails = "network"));
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Signaler un problème" });
  await form.getByRole("button", { name: "Dicter le problème" }).tap();
  await expect(form.getByText("La dictée ne fonctionne pas sur ce navigateur : écrivez le texte.")).toBeVisible();
  // Both microphones go: the one beside the details would fail the same way.
  await expect(form.getByTestId("dictation")).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Remplir le formulaire" })).toBeVisible();
});
