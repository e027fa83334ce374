import { expect, test } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { queryD1, sqlText } from "../fixtures/d1";
import { userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

test.use({ storageState: storageState("operator") });

test("scrolling up loads the history 50 messages at a time and keeps the message being read in place; the button works from the keyboard", async ({ page }) => {
  const colleague = await createUser({ name: "Régleur Bavard", role: "technician", password: "bavard-2026-hist" });
  const [me, them] = [await userId(account("operator").email), await userId(colleague.email)];
  const key = `${Math.min(me, them)}-${Math.max(me, them)}`;
  const start = Math.floor(Date.now() / 1000) - 130 * 60;
  // 130 messages, one a minute, "Message 1" the oldest.
  await queryD1(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 130)
     INSERT INTO messages (conversation_key, sender_id, recipient_id, content, created_at)
     SELECT ${sqlText(key)}, ${them}, ${me}, 'Message ' || i, strftime('%Y-%m-%dT%H:%M:%S+00:00', ${start} + i * 60, 'unixepoch') FROM n`,
  );

  await page.goto(`/messages/${key}`);
  const messages = page.getByTestId("message");
  const text = (n: number) => page.getByText(`Message ${n}`, { exact: true });
  await expect(messages).toHaveCount(50);
  await expect(messages.first().getByText(/^Message \d+$/)).toHaveText("Message 81");

  // The page opens at the newest message once it is live (hydrated): scrolling up before that would be undone.
  await expect(text(130)).toBeInViewport();

  // Scrolling to the top brings the 50 before, and "Message 81" stays where the reader left it.
  const anchor = text(81);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await expect(messages).toHaveCount(100);
  await expect(messages.first().getByText(/^Message \d+$/)).toHaveText("Message 31");
  await expect(anchor).toBeInViewport();

  // The last page from the keyboard: the button, focused and pressed.
  const older = page.getByRole("button", { name: "Messages précédents" });
  await older.focus();
  await page.keyboard.press("Enter");
  await expect(messages).toHaveCount(130);
  await expect(messages.first().getByText(/^Message \d+$/)).toHaveText("Message 1");
  await expect(older).toHaveCount(0);
});
