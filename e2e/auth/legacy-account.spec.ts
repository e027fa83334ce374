import { pbkdf2Sync, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryD1, sqlText } from "../fixtures/d1";
import { expectSignedIn, signInThroughForm } from "../fixtures/sign-in";
import { createMachineRow, uniqueTag } from "../fixtures/tickets";

// Rows as `npm run import:legacy` writes them (lib/legacy/): the old system's own "v2:"
// password hash, a ticket id in the form it writes (TYP-MMYY-NNNN), a comment signed with
// a name no person has, and the timeline line of a ticket brought from a custom column.
const stamp = () => new Date().toISOString().replace("Z", "+00:00");

function oldSystemHash(password: string): string {
  const salt = randomBytes(16);
  return `v2:${salt.toString("hex")}:${pbkdf2Sync(password, salt, 100_000, 32, "sha256").toString("hex")}`;
}

async function importedAccountAndTicket() {
  const tag = uniqueTag("ancien");
  const user = { email: `${tag}@e2e.test`, name: `Gilles ${tag}`, password: "Ancien-Mot-2020" };
  const [person] = await queryD1<{ id: number }>(
    `INSERT INTO users (email, name, role, password_hash, active, created_at, updated_at)
     VALUES (${sqlText(user.email)}, ${sqlText(user.name)}, 'technician', ${sqlText(oldSystemHash(user.password))}, 1, ${sqlText(stamp())}, ${sqlText(stamp())}) RETURNING id`,
  );
  const letters = Array.from(randomBytes(3), (b) => String.fromCharCode(65 + (b % 26))).join("");
  const ticketId = `${letters}-1125-${String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, "0")}`;
  const title = `Bruit au démarrage ${tag}`;
  const [ticket] = await queryD1<{ id: number }>(
    `INSERT INTO tickets (ticket_id, title, description, machine_id, status, priority, reported_by, created_at, updated_at)
     VALUES (${sqlText(ticketId)}, ${sqlText(title)}, '', ${await createMachineRow(`Presse ${tag}`)}, 'in_progress', 'low', ${person!.id},
             '2025-11-23T17:12:59.000+00:00', '2025-11-23T17:12:59.000+00:00') RETURNING id`,
  );
  await queryD1(
    `INSERT INTO ticket_comments (ticket_id, user_id, content, author_name, created_at, updated_at)
     VALUES (${ticket!.id}, ${person!.id}, 'Courroie changée, à surveiller.', 'Pierre Sous-traitant', '2025-11-24T09:00:00.000+00:00', '2025-11-24T09:00:00.000+00:00')`,
  );
  await queryD1(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, from_value, to_value, created_at)
     VALUES (${ticket!.id}, NULL, 'legacy_column', 'Contrôle qualité', 'in_progress', ${sqlText(stamp())})`,
  );
  return { user, ticketId, title };
}

test("an account brought from the old system signs in with its old password and opens a ticket by its old id", async ({ browser }) => {
  const { user, ticketId, title } = await importedAccountAndTicket();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();

  await signInThroughForm(page, user.email, user.password);
  await expectSignedIn(page, user.name);
  // The first sign-in replaced the old system's hash with Atelier's own.
  const [stored] = await queryD1<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = ${sqlText(user.email)}`);
  expect(stored!.password_hash).toMatch(/^pbkdf2_sha256\$100000\$/);

  await page.goto(`/tickets/${ticketId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(ticketId, { exact: true })).toBeVisible();
  const comment = page.getByTestId("comments").getByRole("listitem");
  await expect(comment).toContainText("Pierre Sous-traitant");
  // A written name is nobody's account: no role beside it.
  await expect(comment.getByTestId("comment-role")).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText(
    "Importé de l’ancien système, où il était dans la colonne «\u00a0Contrôle qualité\u00a0»\u00a0: placé dans «\u00a0En cours\u00a0»",
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await context.close();
});
