import { expect, test } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { queryD1 } from "../fixtures/d1";

test.use({ storageState: storageState("supervisor") });

test("the filtered board exports exactly its tickets as a CSV Excel reads", async ({ page }) => {
  await page.goto("/tickets?priority=critical");
  const link = page.getByRole("link", { name: "Exporter (CSV)" });
  await expect(link).toHaveAttribute("href", "/tickets/export?priority=critical");

  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
  const lines = body.toString("utf8").slice(1).trim().split(/\r?\n/);
  const [{ n }] = (await queryD1<{ n: number }>("SELECT COUNT(*) AS n FROM tickets WHERE priority = 'critical' AND deleted_at IS NULL")) as [{ n: number }];
  expect(lines).toHaveLength(n + 1);
  expect(lines.slice(1).every((line) => line.includes(";Critique;"))).toBe(true);
});
