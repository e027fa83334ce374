// Who may open a live socket (lib/messages/live-gate.ts, run by worker.ts before
// the upgrade reaches the conversation hub), against the real local D1.
import { beforeAll, describe, expect, it } from "vitest";
import { setUserActive } from "@/lib/accounts/users";
import { admitLiveSocket } from "@/lib/messages/live-gate";
import { issueLiveToken, LIVE_TOKEN_TTL_MS } from "@/lib/messages/live-token";
import { createCast, type Cast } from "./helpers/actors";
import { freshDatabase } from "./helpers/local-d1";
import { direct } from "./helpers/refusal";

const t = freshDatabase();
const SECRET = "a-secret-for-live-tokens-only-in-this-test";
let cast: Cast;

beforeAll(async () => {
  cast = await createCast(t.db, "live");
});

function upgrade(token?: string) {
  const url = new URL("http://localhost/live");
  if (token !== undefined) url.searchParams.set("token", token);
  return new Request(url, { headers: { upgrade: "websocket" } });
}

const admit = (request: Request, now?: number) => admitLiveSocket(request, { DB: t.d1, AUTH_SECRET: SECRET }, now);

describe("a live socket", () => {
  it("is admitted with a fresh token for an active account, as that account", async () => {
    expect(await admit(upgrade(await issueLiveToken(cast.technician.id, SECRET)))).toEqual({ ok: true, userId: cast.technician.id });
  });

  it("is refused (401) without a token, or with an empty one", async () => {
    expect(await admit(upgrade())).toEqual({ ok: false, status: 401 });
    expect(await admit(upgrade(""))).toEqual({ ok: false, status: 401 });
  });

  it("is refused (401) with an expired token", async () => {
    const issued = Date.now() - LIVE_TOKEN_TTL_MS - 1_000;
    expect(await admit(upgrade(await issueLiveToken(cast.technician.id, SECRET, issued)))).toEqual({ ok: false, status: 401 });
  });

  it("is refused (401) with a tampered token: another user id, a later expiry, or another secret", async () => {
    const [, expiry, signature] = (await issueLiveToken(cast.technician.id, SECRET)).split(".");
    expect(await admit(upgrade(`${cast.admin.id}.${expiry}.${signature}`))).toEqual({ ok: false, status: 401 });
    expect(await admit(upgrade(`${cast.technician.id}.${Number(expiry) + 3_600_000}.${signature}`))).toEqual({ ok: false, status: 401 });
    expect(await admit(upgrade(await issueLiveToken(cast.technician.id, "another-secret")))).toEqual({ ok: false, status: 401 });
  });

  it("is refused (403) for an account deactivated after its token was issued, or one that does not exist", async () => {
    const token = await issueLiveToken(cast.operator.id, SECRET);
    await direct(setUserActive)(t.db, cast.admin, { id: cast.operator.id, active: false });
    expect(await admit(upgrade(token))).toEqual({ ok: false, status: 403 });
    expect(await admit(upgrade(await issueLiveToken(999_999, SECRET)))).toEqual({ ok: false, status: 403 });
  });

  it("is refused (426) when the request is not a WebSocket upgrade", async () => {
    const request = new Request(`http://localhost/live?token=${await issueLiveToken(cast.technician.id, SECRET)}`);
    expect(await admit(request)).toEqual({ ok: false, status: 426 });
  });
});
