import { expect, test, type Page } from "@playwright/test";
import { account, storageState } from "../fixtures/accounts";
import { createTicketRow, uniqueTag, userId } from "../fixtures/tickets";
import { createUser } from "../fixtures/users";

// Every answer carries the security headers (lib/security-headers.ts, public/_headers),
// and no page breaks under the CSP: a refused script, style or connection shows as a
// console error or a securitypolicyviolation event, and either fails the test.

const FIXED = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
};

function expectFixedHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(FIXED)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers["permissions-policy"], `permissions-policy on ${what}`).toMatch(/^camera=\(self\), microphone=\(self\), geolocation=\(\)/);
  // The tests run over http: HSTS is for https answers only.
  expect(headers["strict-transport-security"], `HSTS on ${what}`).toBeUndefined();
}

function expectPagePolicy(policy: string | undefined, what: string) {
  expect(policy, `CSP on ${what}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
}

/** Collects what the CSP refused and every console error, from the first byte of each page. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `CSP refused ${e.blockedURI || "inline"} (${e.violatedDirective}) on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    // A missing file (the 404 page itself, the favicon the browser asks for) is no CSP matter: the CSP says "Refused to …".
    if (/^Failed to load resource: the server responded with a status of 404/.test(message.text())) return;
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  return problems;
}

async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const headers = await response!.allHeaders();
  expectFixedHeaders(headers, path);
  expectPagePolicy(headers["content-security-policy"], path);
  // The page came alive: Next's scripts ran (the nonce matched) and hydrated it.
  await expect(page.locator("body")).toBeVisible();
  await page.waitForLoadState("load");
  // Every script the server wrote carries this answer's nonce (those Next adds later are trusted through 'strict-dynamic').
  const nonce = headers["content-security-policy"]!.match(/'nonce-([^']+)'/)![1];
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts on ${path}`).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), `scripts without the nonce on ${path}`).toEqual([]);
}

test.describe("signed in as admin", () => {
  test.use({ storageState: storageState("admin") });

  test("every page family answers with the headers and runs under the CSP", async ({ page }) => {
    // Sixteen pages in one test: a limit to catch a hang on a loaded machine, not a timing.
    test.setTimeout(300_000);
    const problems = await watchProblems(page);
    const tag = uniqueTag("csp");
    const ticket = await createTicketRow({ title: `En-têtes ${tag}`, reporterEmail: account("operator").email });
    const user = await createUser({ name: `Lecteur ${tag}`, role: "technician", password: "en-tetes-2026-csp" });
    const pages = [
      "/",
      "/tickets",
      "/tickets/new",
      `/tickets/${ticket.ticketId}`,
      "/machines",
      "/machines/new",
      `/machines/${ticket.machineId}`,
      "/profile",
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${await userId(user.email)}`,
      "/admin/settings",
      "/admin/audit",
      "/admin/data",
      "/admin/notifications",
    ];
    for (const path of pages) await visit(page, path);
    await visit(page, "/no-such-page", 404);

    // A client-side navigation (RSC fetch, scripts Next adds at run time) stays within the policy.
    await page.goto("/tickets");
    await page.getByRole("link", { name: "Machines" }).first().click();
    await expect(page).toHaveURL(/\/machines$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    expect(problems).toEqual([]);
  });

  test("route handlers, the worker's own answers and static files carry the headers too", async ({ page, request }) => {
    await page.goto("/tickets");
    const asset = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
    const answers: [string, number][] = [
      ["/tickets/export", 200],
      ["/machines/export", 200],
      ["/logo", 404],
      ["/media/999999999", 404],
      ["/api/auth/session", 200],
      ["/api/auth/csrf", 200],
      ["/internal/scheduled", 404],
      [asset!, 200],
    ];
    for (const [path, status] of answers) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      expectFixedHeaders(response.headers(), path);
      if (!path.startsWith("/_next/")) expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    // The rules file itself is read by the assets binding, not served.
    expect((await request.get("/_headers")).status()).toBe(404);
  });
});

test.describe("signed out", () => {
  test("the sign-in page answers with the headers and runs under the CSP", async ({ page }) => {
    const problems = await watchProblems(page);
    await visit(page, "/sign-in");
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("no page can be framed, even by the app itself", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => problems.push(message.text()));
    await page.goto("/sign-in");
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<iframe src="/sign-in"></iframe>'));
    await expect.poll(() => problems.some((text) => /frame-ancestors|X-Frame-Options|refused to connect/i.test(text))).toBe(true);
  });
});
