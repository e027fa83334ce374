// When a session is still honoured: the one rule behind every request (the jwt
// callback, lib/accounts/auth.ts, through sessions.ts) and every open live socket
// (lib/messages/live-hub.ts). Imports nothing: worker.ts's bundle carries it
// without Prisma or zod.

/** What a session carries (lib/accounts/sessions.ts explains "sv" and "sid"). */
export interface SessionClaims {
  uid?: string;
  sv?: number;
  sid?: string;
}

export interface SessionState {
  /** The version a token must carry to be honoured. */
  version: number;
  /** This very session was signed out. */
  revoked: boolean;
  /** When the account's access ends by itself (a guest's, epoch ms); null or absent: never. */
  expiresAt?: number | null;
}

/**
 * Whether a session still stands: the account is active (a state at all), the
 * session was not signed out, its version is the user's, and the account's access
 * has not ended (a guest past their date: lib/accounts/guests.ts).
 */
export function isCurrent(state: SessionState | null, claims: Pick<SessionClaims, "sv">, now = Date.now()): boolean {
  return state !== null && !state.revoked && state.version === claims.sv && (state.expiresAt == null || now < state.expiresAt);
}
