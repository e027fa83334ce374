// `npm run bench:floor`: the shop floor's five tasks, done as a person would on a
// 360 px touch phone in Debian's Chromium, on the built worker. For each task it
// prints the taps on the app's screen, the choices made outside the app (the
// phone's photo picker), the fields typed, and the seconds from the first tap to
// the result on screen. Prints, does not assert. Targets: at most 3 taps to
// report a problem from the home screen (typing aside), 1 tap for a ticket's
// next step.
//
// What counts as a tap: one touch on the app's screen (a button, a link, a
// tab). A native <select> counts 2 (open, choose). Typing a field counts as a
// field, not as taps. Scanning a label is the phone's camera: 0 taps.
//
// Reuses a worker already answering on BENCH_FLOOR_URL (e.g. `npm start`'s
// http://localhost:8787, whose demo data the tasks then change); otherwise builds
// if sources changed and serves the build on port 8798 with a demo database of
// its own (.wrangler/floor), made fresh on every run.
import { rmSync } from "node:fs";
import path from "node:path";
import { chromium as playwright } from "@playwright/test";
import { buildWorker, migrateLocal, root, seedLocal, start, step } from "../scripts/lib/common.mjs";
import { waitForServer } from "../scripts/lib/local-worker.mjs";
import { chromium } from "../playwright.config.ts";
import { signInAs } from "./lib/sign-in.mjs";

const STATE = ".wrangler/floor";
const ORIGIN = process.env.BENCH_FLOOR_URL ?? "http://localhost:8798";
const PHOTO = path.join(root, "public", "apple-touch-icon.png");
const STEP_TIMEOUT = 30_000;

async function answers(url) {
  try {
    await fetch(url, { redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

/** A worker to drive: the one already running, or the build served on a fresh demo database. */
async function ensureWorker() {
  if (await answers(`${ORIGIN}/sign-in`)) {
    console.log(`Reusing the worker at ${ORIGIN}.`);
    return null;
  }
  buildWorker();
  step(`Preparing ${STATE}: migrations and demo seed`);
  rmSync(STATE, { recursive: true, force: true });
  migrateLocal(STATE);
  seedLocal(STATE);
  const server = start("wrangler", ["dev", "--port", new URL(ORIGIN).port, "--persist-to", STATE, "--show-interactive-dev-session=false"], {
    stdio: ["ignore", "ignore", "ignore"],
  });
  await waitForServer(`${ORIGIN}/sign-in`, { timeoutMs: 600_000 });
  return server;
}

/**
 * A person's phone: a 360x740 touch screen, signed in as a demo account, that
 * counts what the person does. Only the task's own steps are counted: the
 * person is already signed in and on the home screen when a task starts.
 */
async function phone(browser, role) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "fr-CA",
    timezoneId: "America/Toronto",
    permissions: ["microphone", "camera"],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  await signInAs(page, ORIGIN, role);
  const counts = { taps: 0, picker: 0, typed: 0 };
  return {
    page,
    counts,
    close: () => context.close(),
    /** One touch on the screen. */
    async tap(locator) {
      await locator.tap();
      counts.taps++;
    },
    /** A native select: open it, choose. */
    async choose(locator, label) {
      await locator.selectOption({ label });
      counts.taps += 2;
    },
    async type(locator, text) {
      await locator.fill(text);
      counts.typed++;
    },
    /** A tap that opens the phone's picker, then the photo chosen there. */
    async pickPhoto(locator) {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), locator.tap()]);
      counts.taps++;
      await chooser.setFiles(PHOTO);
      counts.picker++;
    },
  };
}

async function timed(name, person, task) {
  await person.page.goto(`${ORIGIN}/`);
  await person.page.waitForLoadState("networkidle");
  const started = performance.now();
  const detail = await task(person);
  const seconds = (performance.now() - started) / 1000;
  return { name, ...person.counts, seconds, detail };
}

// ---------------------------------------------------------------- the tasks, on today's screens

const bar = (page) => page.getByRole("navigation").last();

/** An operator reports a problem on a machine, with a photo. */
async function report(person, title) {
  const { page } = person;
  await person.tap(bar(page).getByRole("link", { name: "Signaler" }));
  await person.type(page.getByLabel("Titre", { exact: true }), title);
  await person.choose(page.getByLabel("Machine", { exact: true }), "Tour CNC Haas ST-20");
  await person.type(page.getByLabel("Description"), "Bruit de cognement au démarrage de la broche.");
  await person.pickPhoto(page.getByLabel("Photos ou vidéos (facultatif)"));
  await person.tap(page.getByRole("button", { name: "Envoyer le signalement" }));
  await page.waitForURL(/\/tickets\/TKT-/);
  await page.getByRole("heading", { name: title }).waitFor();
  return page.url().split("/").pop();
}

/** A technician takes the next ticket: the first one waiting on the board. */
async function takeNext(person) {
  const { page } = person;
  await person.tap(bar(page).getByRole("link", { name: "Tickets" }));
  // The first card waiting that is not already theirs.
  const first = page.getByTestId("ticket-card").filter({ hasNotText: "Julie Roy" }).first().locator("a[href^='/tickets/TKT']");
  const ticketId = (await first.getAttribute("href")).split("/").pop();
  await person.tap(first);
  await person.tap(page.getByRole("button", { name: "Je m’en occupe" }));
  await page.locator("dd", { hasText: "Julie Roy" }).first().waitFor();
  return ticketId;
}

/** The same technician finishes it, with a photo and a comment. */
async function finish(person, ticketId) {
  const { page } = person;
  // From the home screen, as the person comes back to it.
  await person.tap(bar(page).getByRole("link", { name: "Tickets" }));
  await person.tap(page.locator(`main a[href='/tickets/${ticketId}']`).first());
  await person.pickPhoto(page.locator("#field-files"));
  await person.tap(page.getByRole("button", { name: "Téléverser" }));
  await page.getByRole("heading", { name: "Photos et vidéos (1)" }).waitFor();
  await person.type(page.getByLabel("Votre commentaire"), "Roulement remplacé, essai de 10 minutes concluant.");
  await person.tap(page.getByRole("button", { name: "Publier" }));
  await page.getByText("Roulement remplacé, essai de 10 minutes concluant.").first().waitFor();
  await person.tap(page.getByRole("button", { name: "Modifier", exact: true }));
  const status = page.getByRole("form", { name: "Changer le statut" });
  await person.choose(status.getByLabel("Changer le statut"), "Terminé");
  await person.tap(status.getByRole("button"));
  await status.getByText("Enregistré").waitFor();
  return ticketId;
}

/** A technician answers the team's latest message with a voice note. */
async function answerWithVoice(person) {
  const { page } = person;
  await person.tap(bar(page).getByRole("link", { name: /^Messages/ }));
  await person.tap(page.getByRole("link", { name: /Équipe/ }).first());
  const notes = page.locator("audio");
  const before = await notes.count();
  await person.tap(page.getByRole("button", { name: /Note vocale/ }));
  await person.tap(page.getByRole("button", { name: /Arrêter/ }));
  await person.tap(page.getByRole("button", { name: "Envoyer" }));
  await notes.nth(before).waitFor();
  return "team";
}

/** Anyone scans a machine's QR label and opens one of its open tickets. */
async function fromLabel(person, machineId) {
  const { page } = person;
  // The camera opens /m/<id>: no tap.
  await page.goto(`${ORIGIN}/m/${machineId}`);
  const list = page.getByRole("list").filter({ has: page.locator("a[href^='/tickets/TKT']") }).first();
  const first = list.locator("a[href^='/tickets/TKT']").first();
  const ticketId = (await first.getAttribute("href")).split("/").pop();
  await person.tap(first);
  await page.waitForURL(new RegExp(`/tickets/${ticketId}$`));
  return ticketId;
}

// ---------------------------------------------------------------- run and print

const server = await ensureWorker();
const browser = await playwright.launch({
  ...chromium,
  args: [...chromium.args, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
});
const results = [];
try {
  const operator = await phone(browser, "operator");
  const reported = await timed("Signaler un problème avec une photo", operator, (p) => report(p, `Bruit broche ${Date.now()}`));
  results.push(reported);
  await operator.close();

  const tech = await phone(browser, "technician");
  const taken = await timed("Prendre le prochain ticket", tech, takeNext);
  results.push(taken);
  Object.assign(tech.counts, { taps: 0, picker: 0, typed: 0 });
  results.push(await timed("Le terminer avec une photo et un commentaire", tech, (p) => finish(p, taken.detail)));
  await tech.close();

  const supervisor = await phone(browser, "supervisor");
  await supervisor.page.goto(`${ORIGIN}/messages/team`);
  await supervisor.page.getByLabel("Votre message").fill("Quelqu’un peut passer voir la presse 3 ?");
  await supervisor.page.getByRole("button", { name: "Envoyer" }).click();
  await supervisor.page.getByText("Quelqu’un peut passer voir la presse 3 ?").first().waitFor();
  await supervisor.close();
  const answering = await phone(browser, "technician");
  results.push(await timed("Répondre à un message par une note vocale", answering, answerWithVoice));
  await answering.close();

  const scanning = await phone(browser, "technician");
  results.push(await timed("Ouvrir un ticket d’une machine depuis son étiquette", scanning, (p) => fromLabel(p, 7)));
  await scanning.close();
} finally {
  await browser.close();
  server?.kill();
}

console.log(`\nbench:floor — 360×740 touch phone, ${ORIGIN}\n`);
console.log("| Task | Taps | Phone's picker | Fields typed | Seconds |");
console.log("|---|---:|---:|---:|---:|");
for (const r of results) console.log(`| ${r.name} | ${r.taps} | ${r.picker} | ${r.typed} | ${r.seconds.toFixed(1)} |`);
console.log("\nTargets: report ≤ 3 taps from the home screen (typing aside); a ticket's next step: 1 tap.");
