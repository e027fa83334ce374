import { request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { storageState } from "../fixtures/accounts";
import { workerOrigin } from "../fixtures/d1";

test.use({ storageState: storageState("technician") });

/** A little over what the app reads in one request (lib/request-size.ts: 60 MiB). */
const OVERSIZED = 61 * 1024 * 1024;

test("“J'y vais” posted with Origin: null (a sandboxed page, a file) is refused with a 403, as the page's server action or to its route, never a server error", async ({ page }) => {
  await page.goto("/notifications");
  // The page's "J'y vais" is a server action: Next aborts one from another origin by throwing (a 500).
  const action = await page.request.post("/notifications", {
    headers: { origin: "null", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "[1]",
  });
  expect(action.status()).toBe(403);
  // What the service worker posts to from a phone's notification.
  const route = await page.request.post("/notifications/go", { headers: { origin: "null" }, data: { id: 1 } });
  expect(route.status()).toBe(403);
});

/**
 * Posts to the report form, signed in, a body of `OVERSIZED` bytes: announced by its
 * length (and then only announced: the answer must come before any of it is read, and
 * a server that answers early resets a connection still being written to), or sent in
 * full, chunked. Returns the status answered.
 */
async function postOversized(page: Page, framing: "length" | "chunked"): Promise<number> {
  await page.goto("/tickets/new");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const length: Record<string, string | number> = framing === "length" ? { "content-length": OVERSIZED } : { "transfer-encoding": "chunked" };
  return new Promise<number>((resolve, reject) => {
    let answered = false;
    const request = httpRequest(new URL("/tickets/new", workerOrigin()), {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=x", ...length },
    });
    request.on("response", (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (framing === "length") return void request.flushHeaders();
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let sent = 0;
    const write = () => {
      while (sent < OVERSIZED && !answered && !request.destroyed) {
        const size = Math.min(chunk.length, OVERSIZED - sent);
        sent += size;
        if (!request.write(chunk.subarray(0, size))) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

test("a body over 60 MB is refused with a 413 by its announced length, before anything reads it", async ({ page }) => {
  expect(await postOversized(page, "length")).toBe(413);
});

test("a body over 60 MB sent without a length (chunked) is refused with a 413 once that much was read", async ({ page }) => {
  expect(await postOversized(page, "chunked")).toBe(413);
});
