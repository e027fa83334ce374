import NextAuth, { CredentialsSignin, type DefaultSession, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { isCurrent } from "./session-state";
import { newSessionId, readSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { authenticate, clientAddress } from "./sign-in";
import type { Role } from "../permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** This session's id (the "sid" claim), for the sign-out of this device. */
    sessionId?: string;
    /** The session version it was signed with (the "sv" claim), for the live socket's token. */
    sessionVersion?: number;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's session version when this token was signed (lib/accounts/sessions.ts). */
    sv?: number;
    /** This session's id, set at sign-in and kept across refreshes (lib/accounts/sessions.ts). */
    sid?: string;
  }
}

// The error code travels to the sign-in form, which words it in the user's language.
// What follows the colon: the minutes to wait (throttled), or when a guest's access ended (expired, ISO).
export class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "inactive" | "throttled" | "missing" | "expired", detail?: number | string) {
    super();
    this.code = detail ? `${code}:${detail}` : code;
  }
}

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

// Known only to this isolate: lets a server action re-sign its own session right
// after raising the version (the device that changed the password stays signed
// in). A client can send its own "update" payload to /api/auth/session; it
// cannot send this value.
const REISSUE = crypto.randomUUID();

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  // Behind Cloudflare the host header is the public one; AUTH_URL is not needed.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused password is an expected outcome, already recorded in
    // sign_in_attempts; logging it as an error with a stack would bury real ones.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("missing");
        const result = await authenticate(await getDb(), {
          ...parsed.data,
          ip: clientAddress(request.headers),
          now: new Date(),
        });
        if (!result.ok) {
          const detail = result.reason === "throttled" ? result.retryAfterMinutes : result.reason === "expired" ? result.expiresAt.toISOString() : undefined;
          throw new SignInRefused(result.reason, detail);
        }
        const { id, name, email, role, sessionVersion } = result.user;
        return { id: String(id), name, email, role, sessionVersion };
      },
    }),
  ],
  events: {
    // Auth.js' own POST /api/auth/signout: the app's sign-out revokes the
    // session itself (signOutThisDevice); this catches a sign-out that bypasses it.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const userId = Number(token?.uid);
      if (token?.sid && Number.isInteger(userId) && userId > 0) await revokeSession(await getDb(), userId, token.sid, new Date());
    },
  },
  callbacks: {
    // Runs on every auth() and every /api/auth/session: null clears the cookie.
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = newSessionId();
        return token;
      }
      const state = await readSession(await getDb(), token);
      if (isCurrent(state, token)) return token;
      const reissuing = trigger === "update" && (session as { reissue?: string } | undefined)?.reissue === REISSUE;
      // Only the version this very request raised, not any older one.
      if (reissuing && state && !state.revoked && token.sv === state.version - 1) return { ...token, sv: state.version };
      return null;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      if (token.role) session.user.role = token.role;
      if (token.sid) session.sessionId = token.sid;
      if (token.sv !== undefined) session.sessionVersion = token.sv;
      return session;
    },
  },
});

/**
 * After an operation that ended the user's sessions (their own password change):
 * the session of the request that made it is signed again with the new version.
 */
export async function keepCurrentSession(): Promise<void> {
  await unstable_update({ reissue: REISSUE } as Partial<Session>);
}
