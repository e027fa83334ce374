import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, ticketRow, uniqueTag } from "../fixtures/tickets";

// The UI hides the move from operators; this checks the server refuses it anyway,
// by replaying the exact server-action request a technician's browser sends.
test("an operator's direct attempt to move a ticket is refused by the server", async ({ browser }) => {
  const tag = uniqueTag("deny");
  const practice = await createTicketRow({ title: `Exercice ${tag}`, reporterEmail: account("operator").email });
  const target = await createTicketRow({ title: `Cible ${tag}`, reporterEmail: account("operator").email });

  const technician = await browser.newContext({ storageState: storageState("technician") });
  const techPage = await technician.newPage();
  await techPage.goto(`/tickets?q=${tag}`);
  // The move's own request: the page also calls a server action for its live-socket token.
  const request = techPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes("diagnostic"));
  await techPage.getByRole("button", { name: `Déplacer vers… ${practice.ticketId}` }).click();
  await techPage.getByRole("menuitem", { name: "Diagnostic" }).click();
  const sent = await request;
  await sent.response(); // let the technician's move finish before closing its page
  const headers = sent.headers();
  await technician.close();

  const operator = await browser.newContext({ storageState: storageState("operator") });
  const page = await operator.newPage();
  await page.goto(`/tickets?q=${tag}`);
  await expect(page.locator(`li[data-ticket="${target.id}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Déplacer vers…/ })).toHaveCount(0);

  const response = await operator.request.post(sent.url(), {
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component" },
    data: JSON.stringify([{ id: target.id, from: "received", to: "diagnostic" }]),
  });
  expect(await response.text()).toContain("Vous n’avez pas la permission de faire cette action.");
  expect((await ticketRow(target.id)).status).toBe("received");
  await operator.close();
});
