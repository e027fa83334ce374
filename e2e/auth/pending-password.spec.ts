import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { signInThroughForm } from "../fixtures/sign-in";
import { createMachineRow, createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// The smallest valid PNG: a 1x1 pixel.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const photo = { name: "courroie.png", mimeType: "image/png", buffer: png };

test("an account that must still replace its temporary password gets no ticket photo and no message photo (403)", async ({ browser }) => {
  // A ticket photo and a team-channel photo of the test's own, sent as the app sends them (the outbox's door).
  const technician = await browser.newContext({ storageState: storageState("technician") });
  const owner = String(await userId(account("technician").email));
  const tag = uniqueTag("pw");
  const ticket = await createTicketRow({ title: `Courroie ${tag}`, reporterEmail: account("technician").email, machineId: await createMachineRow(`Convoyeur ${tag}`) });
  const media = await technician.request.post("/outbox", { multipart: { kind: "media", owner, ticketId: String(ticket.id), files: photo } });
  expect(await media.json()).toMatchObject({ ok: true });
  const message = await technician.request.post("/outbox", {
    multipart: { kind: "message", owner, clientId: crypto.randomUUID(), conversation: "team", content: `Photo ${tag}`, photos: photo },
  });
  expect(await message.json()).toMatchObject({ ok: true });
  const [ticketPhoto] = await queryD1<{ id: number }>(`SELECT id FROM media WHERE ticket_id = ${ticket.id}`);
  const [messagePhoto] = await queryD1<{ message_id: number; id: number }>(
    `SELECT a.message_id, a.id FROM message_attachments a JOIN messages m ON m.id = a.message_id WHERE m.content = ${sqlText(`Photo ${tag}`)}`,
  );
  const urls = [`/media/${ticketPhoto!.id}`, `/media/messages/${messagePhoto!.message_id}/${messagePhoto!.id}`];
  // Served to a technician whose account is in order.
  for (const url of urls) expect((await technician.request.get(url)).status(), url).toBe(200);

  // A technician too, but with the temporary password an admin gave: the app is closed until it is replaced.
  const pending = await createUser({ name: `Nouveau ${tag}`, role: "technician", password: `temporaire-2026-${tag}` });
  await queryD1(`UPDATE users SET must_change_password = 1 WHERE email = ${sqlText(pending.email)}`);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughForm(page, pending.email, pending.password);
  await expect(page).toHaveURL(/\/change-password$/);
  for (const url of urls) expect((await page.request.get(url)).status(), url).toBe(403);

  await technician.close();
  await context.close();
});
