import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag } from "../fixtures/tickets";

test.use({ storageState: storageState("supervisor") });

test("the filtered board exports exactly its tickets as a CSV Excel reads", async ({ page }) => {
  const tag = uniqueTag("csv");
  const reporterEmail = account("operator").email;
  const critical = [
    await createTicketRow({ title: `Export ${tag} 1`, reporterEmail, priority: "critical" }),
    await createTicketRow({ title: `Export ${tag} 2`, reporterEmail, priority: "critical" }),
  ];
  const high = await createTicketRow({ title: `Export ${tag} 3`, reporterEmail, priority: "high" });
  await page.goto(`/tickets?q=${tag}&priority=critical`);
  const link = page.getByRole("link", { name: "Exporter (CSV)" });
  // The board's own filters, the search included: the file holds what the board shows.
  await expect(link).toHaveAttribute("href", /^\/tickets\/export\?/);
  const href = new URL((await link.getAttribute("href"))!, "http://board");
  expect(Object.fromEntries(href.searchParams)).toEqual({ q: tag, priority: "critical" });

  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
  const lines = body.toString("utf8").slice(1).trim().split(/\r?\n/);
  expect(lines.slice(1).map((line) => line.split(";")[0]).sort()).toEqual(critical.map((t) => t.ticketId).sort());
  expect(lines.slice(1).every((line) => line.includes(";Critique;"))).toBe(true);
  expect(lines.join("\n")).not.toContain(high.ticketId);
});
