import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { offline, online, pageKept, workerReady } from "../fixtures/offline";
import { createMachineRow, createTicketRow, uniqueTag } from "../fixtures/tickets";
import { expectPageFitsWidth } from "../fixtures/layout";

// The report form shows the chosen machine's open tickets, so that nobody reports a
// problem twice (issue 21, item 5): read when the machine is chosen, with the reader's
// rights. An operator sees their own reports only (the plant's default, which no spec
// of this world changes): a colleague's ticket is counted, its title never sent.
const colleague = account("technician").email;

test.use({ storageState: storageState("operator") });

test("the report form's page carries no colleague's ticket; choosing the machine lists the operator's own and counts the others", async ({ page }) => {
  const visibility = await queryD1<{ value: string }>("SELECT value FROM settings WHERE key = 'operatorTicketVisibility'");
  expect(visibility.map((row) => row.value)).not.toContain('"all"');
  const tag = uniqueTag("open");
  const machine = `Scie ${tag}`;
  const machineId = await createMachineRow(machine);
  const empty = await createMachineRow(`Vide ${tag}`);
  const hidden = [`Lame usée ${tag}`, `Carter fissuré ${tag}`];
  for (const title of hidden) await createTicketRow({ title, reporterEmail: colleague, machineId, status: "diagnostic" });
  const own = await createTicketRow({ title: `Mon bruit ${tag}`, reporterEmail: account("operator").email, machineId });

  // Neither the page (HTML) nor its data for a navigation inside the app (RSC) names a colleague's ticket.
  for (const path of ["/tickets/new", `/tickets/new?machine=${machineId}`]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const body = await (await page.request.get(path, { headers })).text();
      for (const title of hidden) expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(title);
    }
  }

  await page.goto("/tickets/new");
  const open = page.getByRole("region", { name: "Déjà signalé sur cette machine ?" });
  await expect(open).toHaveCount(0);
  const read = page.waitForResponse((response) => response.url().includes("/tickets/read/open"));
  await page.getByLabel("Machine", { exact: true }).selectOption({ label: `${machine} E2E` });
  const answer = await (await read).text();
  for (const title of hidden) expect(answer).not.toContain(title);
  await expect(open.getByRole("listitem")).toHaveCount(1);
  await expect(open.getByRole("link", { name: `Mon bruit ${tag}` })).toHaveAttribute("href", `/tickets/${own.ticketId}`);
  await expect(open).toContainText("2 autres tickets ouverts sur cette machine, signalés par des collègues.");
  for (const title of hidden) await expect(page.getByText(title)).toHaveCount(0);

  // Another machine without open tickets says so.
  await page.getByLabel("Machine", { exact: true }).selectOption(String(empty));
  await expect(page.getByText("Aucun ticket ouvert sur cette machine.")).toBeVisible();
  await expect(open).toHaveCount(0);
  await expectPageFitsWidth(page);
});

test("without a network, the kept report form says in words that the machine's open tickets cannot be read, and reads them when the network returns", async ({ page, context }) => {
  const tag = uniqueTag("open");
  const machine = `Tour ${tag}`;
  await createMachineRow(machine);
  await page.goto("/tickets/new");
  await workerReady(page);
  await pageKept(page, "/tickets/new");
  await offline(context, page);
  try {
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByLabel("Machine", { exact: true }).selectOption({ label: `${machine} E2E` });
    await expect(page.getByText("Hors ligne : les tickets déjà ouverts sur cette machine ne peuvent pas être affichés. Vous pouvez quand même envoyer le signalement.")).toBeVisible();
  } finally {
    await online(context);
  }
  await expect(page.getByText("Aucun ticket ouvert sur cette machine.")).toBeVisible();
  await expect(page.getByText("Hors ligne : les tickets déjà ouverts")).toHaveCount(0);
});
