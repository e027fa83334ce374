import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";
import { createMachineRow, createTicketRow, openTicketChanges, uniqueTag } from "../fixtures/tickets";

test.describe("as a technician", () => {
  test.use({ storageState: storageState("technician") });

  test("a technician marks a ticket's machine down, everyone sees 'À l'arrêt depuis', and completing the ticket ends it", async ({ page }) => {
    const name = `Presse ${uniqueTag("down")}`;
    const machineId = await createMachineRow(name);
    const ticket = await createTicketRow({ title: `Bloquée ${name}`, reporterEmail: account("operator").email, machineId });

    await page.goto(`/tickets/${ticket.ticketId}`);
    const panel = page.getByRole("region", { name: "Arrêt de la machine" });
    await expect(panel).toContainText("La machine tourne.");
    await panel.getByRole("button", { name: "Signaler la machine à l’arrêt" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Oui, à l’arrêt" }).click();
    await expect(panel.getByTestId("machine-down")).toContainText("À l’arrêt depuis");
    await expect(panel).toContainText("Ce ticket a mis la machine à l’arrêt.");
    await expect(page.getByTestId("timeline")).toContainText("a signalé la machine à l’arrêt");

    // The machine, its line in the list and the ticket's card say so too.
    await page.goto(`/machines/${machineId}`);
    await expect(page.getByTestId("machine-down")).toContainText("À l’arrêt depuis");
    await page.goto(`/machines?q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("machine-list").getByTestId("machine-down")).toContainText("À l’arrêt depuis");
    await page.goto(`/tickets?machine=${machineId}`);
    await expect(page.getByTestId("ticket-card").filter({ hasText: ticket.ticketId }).getByTestId("machine-down")).toContainText("À l’arrêt depuis");

    await page.goto(`/tickets/${ticket.ticketId}`);
    const sheet = await openTicketChanges(page);
    const status = sheet.getByRole("form", { name: "Changer le statut" });
    await status.getByLabel("Changer le statut").selectOption("completed");
    await status.getByRole("button", { name: "Changer" }).click();
    await expect(status.getByRole("status")).toHaveText("Modification enregistrée.");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("timeline")).toContainText("a mis fin à l’arrêt de la machine");

    await page.goto(`/machines/${machineId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByTestId("machine-down")).toHaveCount(0);
    const [stop] = await queryD1<{ ended_at: string | null }>(`SELECT ended_at FROM machine_downtimes WHERE machine_id = ${machineId}`);
    expect(stop?.ended_at).not.toBeNull();
  });
});

test.describe("as an operator", () => {
  test.use({ storageState: storageState("operator") });

  test("an operator reports a machine down with the problem", async ({ page }) => {
    const name = `Tour ${uniqueTag("rep")}`;
    const machineId = await createMachineRow(name);
    await page.goto(`/tickets/new?machine=${machineId}`);
    await page.getByLabel("Titre").fill(`Arrêt ${name}`);
    await page.getByLabel("La machine est à l’arrêt").check();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page).toHaveURL(/\?reported=1$/);
    await expect(page.getByRole("region", { name: "Détails" }).getByTestId("machine-down")).toContainText("À l’arrêt depuis");
    // Operators see the stop but do not end it: closing the ticket does.
    const panel = page.getByRole("region", { name: "Arrêt de la machine" });
    await expect(panel).toContainText("Ce ticket a mis la machine à l’arrêt.");
    await expect(panel.getByRole("button")).toHaveCount(0);
    expect(await queryD1(`SELECT COUNT(*) AS n FROM machine_downtimes WHERE machine_id = ${machineId} AND ended_at IS NULL`)).toEqual([{ n: 1 }]);
  });
});
