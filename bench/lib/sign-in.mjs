import { demoAccounts } from "../../prisma/seed.ts";

/** Signs a demo account in through the form, as a person would, on `page`. */
export async function signInAs(page, origin, role) {
  const { email, password } = demoAccounts.find((a) => a.role === role);
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel(/Courriel|Email/).fill(email);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL(`${origin}/`);
}

/** The context's cookies as a Cookie header, for fetch() from the bench. */
export async function cookieHeader(context) {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
