import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { signedInContext } from "../fixtures/sign-in";
import { createMachineRow, createTicketRow, openTicketChanges, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// Two people, each in a browser of their own, on the same board (filtered to the
// test's own tickets): what one does shows on the other's open board, without a
// reload. Runs in the desktop and the phone projects.

const PASSWORD = "Tableau-en-direct-2026";

async function twoTechnicians(browser: Parameters<typeof signedInContext>[0], tag: string) {
  const mover = await createUser({ name: `Marc ${tag}`, role: "technician", password: PASSWORD });
  const watcher = await createUser({ name: `Élise ${tag}`, role: "technician", password: PASSWORD });
  return { mover, watcher, a: await signedInContext(browser, mover), b: await signedInContext(browser, watcher) };
}

/** A mark in the page's memory: still there means the page was never loaded again. */
const markPage = (page: Page) => page.evaluate(() => ((window as { boardMark?: string }).boardMark = "same page"));
const pageMark = (page: Page) => page.evaluate(() => (window as { boardMark?: string }).boardMark);

test("a move, a take and a new report made in one browser appear on another browser's open board, without a reload", async ({ browser }) => {
  const tag = uniqueTag("live");
  const machine = `Presse ${tag}`;
  const machineId = await createMachineRow(machine);
  const ticket = await createTicketRow({ title: `En direct ${tag}`, reporterEmail: account("operator").email, machineId });
  const { mover, a, b } = await twoTechnicians(browser, tag);
  const board = `/tickets?q=${tag}`;
  await Promise.all([a.page.goto(board), b.page.goto(board)]);
  const card = (page: Page, column: string) => page.getByTestId(`column-${column}`).locator(`li[data-ticket="${ticket.id}"]`);
  await expect(card(b.page, "received")).toBeVisible();
  await markPage(b.page);

  // A move from the card's menu.
  await a.page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await a.page.getByRole("menuitem", { name: "Diagnostic" }).click();
  await expect(card(b.page, "diagnostic")).toBeVisible();
  await expect(card(b.page, "received")).toHaveCount(0);

  // The ticket taken from its page: the other board shows who has it.
  await a.page.goto(`/tickets/${ticket.ticketId}`);
  await a.page.getByRole("button", { name: /Je m’en occupe/ }).click();
  await expect(a.page.getByTestId("ticket-assignee")).toHaveText(mover.name);
  await expect(card(b.page, "diagnostic").getByTestId("card-assignee")).toHaveText(`Assigné à ${mover.name}`);

  // A new report.
  const title = `Nouveau ${tag}`;
  await a.page.goto("/tickets/new");
  await a.page.getByLabel("Titre").fill(title);
  await a.page.getByLabel("Machine", { exact: true }).selectOption({ label: `${machine} E2E` });
  await a.page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(b.page.getByTestId("column-received").getByRole("link", { name: title })).toBeVisible();

  expect(await pageMark(b.page)).toBe("same page");
  await a.context.close();
  await b.context.close();
});

test("a board whose socket dropped catches up with what changed meanwhile when it reconnects", async ({ browser }) => {
  const tag = uniqueTag("relive");
  const ticket = await createTicketRow({ title: `Reprise ${tag}`, reporterEmail: account("operator").email });
  const { a, b } = await twoTechnicians(browser, tag);

  let blocked = false;
  let refused = 0;
  const open: WebSocketRoute[] = [];
  await b.page.routeWebSocket(/\/live\?token=/, (ws) => {
    if (blocked) {
      refused++;
      return ws.close();
    }
    ws.connectToServer();
    open.push(ws);
  });
  const board = `/tickets?q=${tag}`;
  await Promise.all([a.page.goto(board), b.page.goto(board)]);
  await expect.poll(() => open.length).toBeGreaterThan(0);
  await markPage(b.page);

  // The watcher's socket drops, and stays down until it has tried again at least once.
  blocked = true;
  for (const ws of open.splice(0)) await ws.close();
  await expect.poll(() => refused).toBeGreaterThan(0);

  await a.page.getByRole("button", { name: `Déplacer vers… ${ticket.ticketId}` }).click();
  await a.page.getByRole("menuitem", { name: "En cours" }).click();
  await expect(a.page.getByRole("status")).toContainText(`${ticket.ticketId} déplacé vers « En cours »`);

  blocked = false;
  await expect(b.page.getByTestId("column-in_progress").locator(`li[data-ticket="${ticket.id}"]`)).toBeVisible({ timeout: 45_000 });
  expect(open.length).toBeGreaterThan(0);
  expect(await pageMark(b.page)).toBe("same page");
  await a.context.close();
  await b.context.close();
});

test("a ticket assigned in one browser appears on the assignee's open 'Mon travail', and leaves it when another takes it, without a reload", async ({ browser }) => {
  const tag = uniqueTag("livework");
  const ticket = await createTicketRow({ title: `Pour toi ${tag}`, reporterEmail: account("operator").email });
  const { mover, watcher, a, b } = await twoTechnicians(browser, tag);
  const watcherId = await userId(watcher.email);
  await b.page.goto("/?show=mine");
  await expect(b.page.getByRole("heading", { level: 1 })).toHaveText("Mon travail");
  const line = b.page.getByRole("listitem").filter({ has: b.page.getByRole("heading", { name: `Pour toi ${tag}` }) });
  await expect(line).toHaveCount(0);
  await markPage(b.page);

  // The supervisor gives it to the watcher.
  const lead = await browser.newContext({ storageState: storageState("supervisor") });
  const desk = await lead.newPage();
  await desk.goto(`/tickets/${ticket.ticketId}`);
  const assign = (await openTicketChanges(desk)).getByRole("form", { name: "Assigner" });
  await assign.getByLabel("Assigner à").selectOption(String(watcherId));
  await assign.getByRole("button", { name: "Assigner" }).click();
  await expect(line).toBeVisible();
  await expect(line.getByRole("button", { name: /^Commencer/ })).toBeVisible();

  // Given to the other technician instead: it leaves the watcher's list.
  await assign.getByLabel("Assigner à").selectOption(String(await userId(mover.email)));
  await assign.getByRole("button", { name: "Assigner" }).click();
  await expect(line).toHaveCount(0);

  expect(await pageMark(b.page)).toBe("same page");
  await lead.close();
  await a.context.close();
  await b.context.close();
});
