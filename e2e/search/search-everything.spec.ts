import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createMachineRow, createTicketRow, uniqueTag } from "../fixtures/tickets";

test.describe("as a technician", () => {
  test.use({ storageState: storageState("technician") });

  test("/ from any page puts the cursor in the header's search; results are grouped, matched words highlighted", async ({ page }) => {
    const tag = uniqueTag("srch");
    const machineId = await createMachineRow(`Presse hydraulique ${tag}`);
    const { ticketId } = await createTicketRow({ title: `Écran figé ${tag}`, reporterEmail: account("operator").email, machineId });

    await page.goto("/tickets");
    // The header's box (the board's own filter is a search field too).
    const box = page.getByRole("banner").getByRole("searchbox", { name: "Rechercher", exact: true });
    // The box announces the shortcut once the page listens for it (after hydration).
    await expect(box).toHaveAttribute("aria-keyshortcuts", "/");
    await page.locator("body").press("/");
    await expect(box).toBeFocused();
    await box.fill(`ecran ${tag}`);
    await box.press("Enter");

    await expect(page).toHaveURL(new RegExp(`/search\\?q=ecran\\+${tag}$`));
    const tickets = page.getByRole("region", { name: /^Tickets/ });
    const link = tickets.getByRole("link", { name: `Écran figé ${tag}` });
    await expect(link).toHaveAttribute("href", `/tickets/${ticketId}`);
    await expect(link.locator("mark")).toHaveText(["Écran", tag]);
    await expect(page.getByRole("region", { name: /^Machines/ })).toHaveCount(0);

    // The page's own field holds the search; a machine by its type, accents and case folded.
    await page.getByLabel("Rechercher tickets, machines, personnes et messages").fill(`PRESSE ${tag}`);
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    const machines = page.getByRole("region", { name: /^Machines/ });
    await expect(machines.getByRole("link", { name: `Presse hydraulique ${tag} E2E` })).toHaveAttribute("href", `/machines/${machineId}`);
    await expect(page.getByRole("region", { name: /^Tickets/ })).toHaveCount(0);
  });

  test("/ typed in a field stays in the field", async ({ page }) => {
    await page.goto("/tickets/new");
    const title = page.getByLabel("Titre");
    await title.click();
    await title.pressSequentially("a/b");
    await expect(title).toHaveValue("a/b");
    await expect(page.getByRole("banner").getByRole("searchbox", { name: "Rechercher", exact: true })).not.toBeFocused();
  });

  test("an empty search explains what can be found; nothing found says so; a 300-character search is cut", async ({ page }) => {
    await page.goto("/search");
    await expect(page.getByRole("heading", { name: "Que cherchez-vous ?" })).toBeVisible();
    await page.goto(`/search?q=${uniqueTag("rien")}`);
    await expect(page.getByText(/Aucun résultat pour « rien/)).toBeVisible();
    await page.goto(`/search?q=${"presse ".repeat(43)}`);
    await expect(page.getByText("Recherche raccourcie aux 100 premiers caractères.")).toBeVisible();
    await expect(page.getByLabel("Rechercher tickets, machines, personnes et messages")).toHaveValue(/^(presse ){14}pr$/);
  });
});

test.describe("as an operator who sees only their own reports", () => {
  test.use({ storageState: storageState("operator") });

  test("finds their own ticket and not another's", async ({ page }) => {
    // The default: the spec that changes it runs in the plant world (tickets/operator-visibility.plant.spec.ts).
    const tag = uniqueTag("own");
    const mine = await createTicketRow({ title: `Vibration ${tag}`, reporterEmail: account("operator").email });
    await createTicketRow({ title: `Vibration ${tag} bis`, reporterEmail: account("technician").email });
    await page.goto(`/search?q=vibration+${tag}`);
    const tickets = page.getByRole("region", { name: /^Tickets/ });
    await expect(tickets.getByRole("listitem")).toHaveCount(1);
    await expect(tickets.getByRole("link")).toHaveAttribute("href", `/tickets/${mine.ticketId}`);
  });
});
