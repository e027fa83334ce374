// The outbox's door (public/sw.js sends what a page could not, when the network
// returns): a POST route, since a service worker cannot call a server action (an
// action's id lives in a page's own bundle). It is the same door as an action
// (lib/action.ts: the signed-in user, then perform(): permission, zod, the
// operation's own checks), with the same operations, so nothing here decides what
// may be written. The answer is the operation's result as JSON, as an action gives it.
import type { z } from "zod";
import { performAsCurrentUser } from "../action";
import type { Operation } from "../operation";
import { getCurrentUser } from "../request";
import { fromOwnOrigin } from "../request-origin";

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * A POST handler for the outbox's entries: the form's `kind` names the operation
 * (one of `operations`), `owner` the person whose entry it is, and the rest is the
 * operation's input, client id included. Only the owner's own session sends it: the
 * next person signed in on the device never sends someone else's entry as theirs (401:
 * the entry waits for its owner).
 */
export function outboxRoute(operations: Record<string, Operation<z.ZodType, unknown>>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!fromOwnOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
    const form = await request.formData().catch(() => null);
    const kind = form?.get("kind");
    const operation = typeof kind === "string" && Object.hasOwn(operations, kind) ? operations[kind] : undefined;
    if (!form || !operation) return Response.json({ error: "invalid" }, { status: 400, headers: NO_STORE });
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword || String(user.id) !== form.get("owner")) {
      return Response.json({ error: "signedOut" }, { status: 401, headers: NO_STORE });
    }
    return Response.json(await performAsCurrentUser(operation, form), { headers: NO_STORE });
  };
}
