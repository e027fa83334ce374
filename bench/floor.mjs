// `npm run bench:floor`: the shop floor's five tasks, done as a person would on a
// 360 px touch phone in Debian's Chromium, on the built worker, each the shortest
// way today's screens offer, starting signed in on the person's home ('/'). For
// each task it prints the taps on the app's screen, the choices made outside the
// app (the phone's photo picker), the fields typed, and the seconds from the
// first tap (or the scan) to the result on screen. Prints, does not assert.
// Targets: at most 3 taps to report a problem from the home screen (typing
// aside), 1 tap for a ticket's next step; the last lines say whether they hold.
//
// What counts as a tap: one touch on the app's screen (a button, a link, a tab,
// the app's own file button, which opens the phone's picker). A native <select>
// counts 2 (open, choose). A choice in the phone's own picker counts as a picker
// choice, not as a tap. Typing a field counts as a field, not as taps (the touch
// that puts the cursor in it included). Scanning a label is the phone's camera:
// 0 taps. Waiting is not a tap: a person waits for the screen to show the next
// control, and those waits are in the seconds (a voice note's stop is tapped as
// soon as it is offered, so no speaking time is in them).
//
// Reuses a worker already answering on BENCH_FLOOR_URL (e.g. `npm start`'s
// http://localhost:8787, whose demo data the tasks then change); otherwise builds
// if sources changed and serves the build on port 8798 with a demo database of
// its own (.wrangler/floor), made fresh on every run. The tasks find their rows
// in the demo seed (prisma/seed.ts: open tickets for the whole team) or make
// them (the report, the supervisor's message to answer).
// While the technician takes a ticket, the same account's other phone stays open on
// Mon travail: the requests that one change costs it (the page read again, and the
// link prefetches Next 16 makes after a refresh) are printed too.
import path from "node:path";
import { chromium as playwright } from "@playwright/test";
import { root } from "../scripts/lib/common.mjs";
import { chromium } from "../playwright.config.ts";
import { ensureDemoWorker } from "./lib/demo-worker.mjs";
import { signInAs } from "./lib/sign-in.mjs";

const STATE = ".wrangler/floor";
const ORIGIN = process.env.BENCH_FLOOR_URL ?? "http://localhost:8798";
const PHOTO = path.join(root, "public", "apple-touch-icon.png");
const STEP_TIMEOUT = 30_000;

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
  const clock = { started: null };
  /** The task's first gesture starts its clock. */
  const act = () => (clock.started ??= performance.now());
  return {
    page,
    counts,
    clock,
    act,
    close: () => context.close(),
    /** One touch on the screen. */
    async tap(locator) {
      act();
      await locator.tap();
      counts.taps++;
    },
    /** A native select: open it, choose. */
    async choose(locator, label) {
      act();
      await locator.selectOption({ label });
      counts.taps += 2;
    },
    async type(locator, text) {
      act();
      await locator.fill(text);
      counts.typed++;
    },
    /** A tap on the app's file button, which opens the phone's picker, then the photo chosen there. */
    async pickPhoto(locator) {
      act();
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), locator.tap()]);
      counts.taps++;
      await chooser.setFiles(PHOTO);
      counts.picker++;
    },
  };
}

/** The task from the person's home, loaded and hydrated: the clock runs from the task's first tap (or scan) to its result. */
async function timed(name, person, task) {
  Object.assign(person.counts, { taps: 0, picker: 0, typed: 0 });
  await person.page.goto(`${ORIGIN}/`);
  await person.page.waitForLoadState("networkidle");
  person.clock.started = null;
  const { detail, note } = await task(person);
  const seconds = (performance.now() - person.clock.started) / 1000;
  return { name, ...person.counts, seconds, detail, note };
}

// ---------------------------------------------------------------- the tasks, on today's screens

const tabBar = (page) => page.getByRole("navigation", { name: "Navigation principale" });
/** A ticket of "Mon travail", by its row id (its place in the list changes with its status). */
const workItem = (page, id) => page.locator(`li[data-work-item="${id}"]`);
/** The notice "Mon travail" shows after a step. */
const workNotice = (page, text) => page.getByRole("status").getByText(text);

/**
 * An operator reports a problem on a machine, with a photo, from their home: the
 * machine they last reported on is one tap away (the form opens with it chosen);
 * an operator who never reported takes the report button and the machine's select.
 */
async function report(person, title) {
  const { page } = person;
  const recent = page.getByRole("navigation", { name: "Sur une machine récente" }).getByRole("link");
  const quick = (await recent.count()) > 0;
  if (quick) await person.tap(recent.first());
  else await person.tap(page.getByRole("main").getByRole("link", { name: "Signaler un problème", exact: true }));
  const form = page.getByRole("form", { name: "Signaler un problème" });
  await person.type(form.getByLabel("Titre", { exact: true }), title);
  const machine = form.getByLabel("Machine", { exact: true });
  if (!quick) await person.choose(machine, "Tour CNC Haas ST-20");
  const machineId = await machine.inputValue();
  // The app's own file button ("Photos ou vidéos"); the camera button beside it costs the same.
  await person.pickPhoto(form.locator("label[for='field-photos']"));
  await form.getByTestId("chosen-files").getByRole("img").waitFor();
  await person.tap(form.getByRole("button", { name: "Envoyer le signalement" }));
  await page.waitForURL(/\/tickets\/TKT-[^/?]+\?reported=1$/);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("heading", { name: "Photos et vidéos (1)" }).waitFor();
  const ticketId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  const how = quick ? "a recent machine's button on the home (the form opens with it chosen)" : "the report button, machine chosen in the select (2)";
  return { detail: { ticketId, machineId }, note: `${ticketId}: ${how}, title typed, photo from "Photos ou vidéos"` };
}

/** A technician takes the next team ticket: the first "Je m’en occupe" on Mon travail. */
async function takeNext(person) {
  const { page } = person;
  const takeName = /^Je m’en occupe : /;
  const item = page.locator("li[data-work-item]").filter({ has: page.getByRole("button", { name: takeName }) }).first();
  if ((await item.count()) === 0) throw new Error("Mon travail offers no team ticket to take (the demo seed has five; a reused database may have none left).");
  const take = item.getByRole("button", { name: takeName });
  const id = await item.getAttribute("data-work-item");
  const ticketId = (await item.locator("a[href^='/tickets/']").first().getAttribute("href")).split("/").pop();
  await person.tap(take);
  // Theirs, shown: the notice, and the ticket's next step is now theirs to do.
  await workNotice(page, `${ticketId} est à vous.`).waitFor();
  await workItem(page, id).getByRole("button", { name: /^(Commencer|Reprendre|Terminé) : / }).waitFor();
  await workItem(page, id).getByText("À moi").waitFor();
  return { detail: { id, ticketId }, note: `${ticketId}: "Je m’en occupe" on Mon travail` };
}

/**
 * The same technician finishes it with a photo and a comment, on Mon travail: "Terminé"
 * with "Note ou photo" (comment box and photo button) sends all three in one batch. A
 * ticket not yet in progress offers "Commencer" first: that tap is counted, and said.
 * (The ticket page's bar costs more: open it, Commencer, Photo, Commenter + Publier, Terminé.)
 */
async function finish(person, { id, ticketId }) {
  const { page } = person;
  const item = workItem(page, id);
  const first = item.locator("[data-step]");
  const startedFirst = !/^Terminé/.test((await first.getAttribute("aria-label")) ?? "");
  if (startedFirst) {
    await person.tap(first);
    await workNotice(page, `${ticketId} : en cours.`).waitFor();
  }
  const done = item.getByRole("button", { name: /^Terminé : / });
  await done.waitFor();
  await person.tap(item.getByRole("button", { name: "Note ou photo" }));
  await person.type(item.getByLabel("Commentaire (facultatif)"), COMMENT);
  await person.pickPhoto(item.locator("label").filter({ hasText: "Ajouter une photo" }));
  await item.getByTestId("chosen-files").getByRole("img").waitFor();
  await person.tap(done);
  await workNotice(page, `${ticketId} : terminé.`).waitFor();
  await item.waitFor({ state: "detached" });
  const how = `"Note ou photo", comment typed, "Ajouter une photo", "Terminé"`;
  return {
    detail: { ticketId, startedFirst },
    note: `${ticketId}: ${startedFirst ? `"Commencer" first, counted (a ticket just taken is not in progress: Terminé is offered once it is), then ${how}` : how}`,
  };
}
const COMMENT = "Roulement remplacé, essai de 10 minutes concluant.";

/** What the finish wrote, read on the ticket's page after the clock: the comment, the photo, the status. */
async function checkFinished(page, ticketId) {
  await page.goto(`${ORIGIN}/tickets/${ticketId}`);
  await page.getByTestId("ticket-status").filter({ hasText: "Terminé" }).waitFor();
  await page.getByTestId("comments").getByText(COMMENT).first().waitFor();
  await page.getByRole("heading", { name: "Photos et vidéos (1)" }).waitFor();
}

/** A technician answers the team's latest message with a voice note: Messages, Équipe, record, stop, send. */
async function answerWithVoice(person, question) {
  const { page } = person;
  await person.tap(tabBar(page).getByRole("link", { name: /^Messages/ }));
  // The team's conversation, in the list (not Mon travail's "Équipe" chip, still on screen while the tab opens).
  await person.tap(page.getByRole("main").locator("a[href='/messages/team']"));
  // The conversation's history is read after its render: the question is there, and the notes before it.
  await page.getByTestId("message").filter({ hasText: question }).waitFor();
  const stored = page.locator("[data-testid='message'][data-message-id]").filter({ has: page.getByTestId("voice-note") });
  const before = await stored.count();
  const composer = page.getByRole("form", { name: "Rédiger un message" });
  await person.tap(composer.getByRole("button", { name: "Enregistrer une note vocale" }));
  await person.tap(composer.getByRole("button", { name: "Arrêter" }));
  await composer.getByRole("group", { name: /^Votre note vocale/ }).waitFor();
  await person.tap(composer.getByRole("button", { name: "Envoyer" }));
  // Stored: the message carries the id the server gave it.
  await stored.nth(before).waitFor();
  return { detail: await stored.nth(before).getAttribute("data-message-id"), note: "Messages tab, Équipe, microphone, Arrêter, Envoyer" };
}

/**
 * Anyone scans a machine's QR label: /m/<id> opens the report form on that machine,
 * camera first, and under the machine its open tickets ("Déjà signalé sur cette
 * machine ?", the latest few), each a link to the ticket.
 */
async function fromLabel(person, { machineId, ticketId }) {
  const { page } = person;
  // The camera opens /m/<id>: no tap.
  person.act();
  await page.goto(`${ORIGIN}/m/${machineId}`);
  const open = page.getByRole("region", { name: "Déjà signalé sur cette machine ?" });
  await open.getByRole("link").first().waitFor();
  const reported = open.locator(`a[href='/tickets/${encodeURIComponent(ticketId)}']`);
  await reported.waitFor();
  const listed = await open.getByRole("listitem").count();
  const moreLine = open.getByText(/^et \d+ autres? tickets? ouverts?$/);
  const more = (await moreLine.count()) > 0 ? await moreLine.textContent() : null;
  return {
    detail: machineId,
    note: `/m/${machineId} opens the report form on the machine; under it, its ${listed} latest open tickets${more ? ` (${more})` : ""}, ${ticketId} among them`,
  };
}

// ---------------------------------------------------------------- run and print

const server = await ensureDemoWorker(ORIGIN, STATE);
const browser = await playwright.launch({
  ...chromium,
  args: [...chromium.args, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
});
const results = [];
let liveHome;
try {
  const operator = await phone(browser, "operator");
  const reported = await timed("Signaler un problème avec une photo", operator, (p) => report(p, `Bruit broche ${Date.now()}`));
  results.push(reported);
  await operator.close();

  // The same technician's other phone, left open on Mon travail: the take reaches it live.
  const watcher = await phone(browser, "technician");
  await watcher.page.goto(`${ORIGIN}/`);
  await watcher.page.locator("li[data-work-item]").first().waitFor();
  const tech = await phone(browser, "technician");
  const seen = [];
  watcher.page.on("request", (request) => seen.push(request));
  const taken = await timed("Prendre le prochain ticket", tech, takeNext);
  results.push(taken);
  await workItem(watcher.page, taken.detail.id).getByText("À moi").waitFor();
  // What the open home fetched for that one change, once it has settled (a bench may wait; a test may not).
  await watcher.page.waitForTimeout(3_000);
  liveHome = {
    requests: seen.map((request) => `${request.method()} ${new URL(request.url()).pathname}`),
    prefetches: seen.filter((request) => request.headers()["next-router-prefetch"]).map((request) => new URL(request.url()).pathname),
  };
  await watcher.close();
  results.push(await timed("Le terminer avec une photo et un commentaire", tech, (p) => finish(p, taken.detail)));
  await checkFinished(tech.page, taken.detail.ticketId);
  await tech.close();

  const question = `Quelqu’un peut passer voir la presse 3 ? (${Date.now()})`;
  const supervisor = await phone(browser, "supervisor");
  await supervisor.page.goto(`${ORIGIN}/messages/team`);
  await supervisor.page.getByLabel("Votre message").fill(question);
  await supervisor.page.getByRole("button", { name: "Envoyer" }).click();
  await supervisor.page.locator("[data-testid='message'][data-message-id]").filter({ hasText: question }).waitFor();
  await supervisor.close();
  const answering = await phone(browser, "technician");
  results.push(await timed("Répondre à un message par une note vocale", answering, (p) => answerWithVoice(p, question)));
  await answering.close();

  const scanning = await phone(browser, "technician");
  results.push(await timed("Ouvrir les tickets d’une machine depuis son étiquette", scanning, (p) => fromLabel(p, reported.detail)));
  await scanning.close();
} finally {
  await browser.close();
  server?.kill();
}

console.log(`\nbench:floor — 360×740 touch phone, ${ORIGIN}\n`);
console.log("| Task | Taps | Phone's picker | Fields typed | Seconds |");
console.log("|---|---:|---:|---:|---:|");
for (const r of results) console.log(`| ${r.name} | ${r.taps} | ${r.picker} | ${r.typed} | ${r.seconds.toFixed(1)} |`);
console.log("\nWhat each did:");
for (const r of results) console.log(`- ${r.name}: ${r.note}.`);

const [reportTask, takeTask, finishTask] = results;
const holds = (ok) => (ok ? "holds" : "does not hold");
const taps = (n) => `${n} tap${n === 1 ? "" : "s"}`;
console.log(
  `\nAn open Mon travail on another phone, for that take: ${liveHome.requests.length} request(s) (${liveHome.requests.join(", ")}), ` +
    `${liveHome.prefetches.length} of them link prefetches` +
    (liveHome.prefetches.length ? ` (${liveHome.prefetches.join(", ")}).` : "."),
);

console.log("\nTargets:");
console.log(`- report ≤ 3 taps from the home screen (typing aside): ${taps(reportTask.taps)}, ${holds(reportTask.taps <= 3)}.`);
console.log(
  `- a ticket's next step in 1 tap: taking it ${taps(takeTask.taps)}, ${holds(takeTask.taps === 1)}` +
    (finishTask.detail.startedFirst ? "; starting it 1 tap, holds (one of the finish's)." : "."),
);
