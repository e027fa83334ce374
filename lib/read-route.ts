// GET route handlers from read operations, for what a page reads after it is
// rendered (a history page, the conversation list). Not server actions: Next runs
// a tab's actions one at a time, so a read would wait behind a send still
// uploading its photos; GET requests run side by side. Each answer goes through
// the same door as an action (lib/action.ts: the signed-in user, then perform():
// permission, zod, the operation's own checks), as JSON that nothing caches.
import type { z } from "zod";
import { performAsCurrentUser } from "./action";
import type { Operation, RuleCode } from "./operation";

// A refusal's status. What the reader may not see is a 404, as for a page: it says nothing of what is there.
const STATUS: Partial<Record<RuleCode, number>> = {
  signedOut: 401,
  passwordChangeRequired: 403,
  forbidden: 403,
  invalid: 400,
  notFound: 404,
  notInConversation: 404,
};

const NO_STORE = { "cache-control": "private, no-store" };

/** A GET handler answering `operation` performed with the input `input` takes from the URL and the route's params. */
export function readRoute<S extends z.ZodType, T, P = Record<string, never>>(
  operation: Operation<S, T>,
  input: (query: URLSearchParams, params: P) => unknown,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const result = await performAsCurrentUser(operation, input(new URL(request.url).searchParams, await context.params));
    if (result.ok) return Response.json(result.data, { headers: NO_STORE });
    const { code, error } = result;
    return Response.json({ code, error }, { status: (code && STATUS[code]) ?? 409, headers: NO_STORE });
  };
}
