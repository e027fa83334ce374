// Who may open a live socket, decided in worker.ts before the upgrade reaches
// the conversation hub: a valid one-minute token (live-token.ts) for an account
// that is still active. Plain D1 SQL, no Prisma: the worker entry does not carry
// the Prisma client (worker.ts explains why).
import { verifyLiveToken } from "./live-token";

export type LiveAdmission = { ok: true; userId: number } | { ok: false; status: 401 | 403 | 426 };

/**
 * 426 without a WebSocket upgrade; 401 without a token, or with one that is
 * malformed, forged or expired (the page asks for a new one and retries);
 * 403 for a deactivated or deleted account (the page stops trying).
 */
export async function admitLiveSocket(request: Request, env: { DB: D1Database; AUTH_SECRET?: string }, now = Date.now()): Promise<LiveAdmission> {
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return { ok: false, status: 426 };
  const token = new URL(request.url).searchParams.get("token");
  const userId = token && env.AUTH_SECRET ? await verifyLiveToken(token, env.AUTH_SECRET, now) : null;
  if (!userId) return { ok: false, status: 401 };
  const user = await env.DB.prepare("SELECT active FROM users WHERE id = ?").bind(userId).first<{ active: number }>();
  if (!user?.active) return { ok: false, status: 403 };
  return { ok: true, userId };
}
