import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db";
import { authenticate } from "./sign-in";
import type { Role } from "../permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
  }
}

// The error code travels to the sign-in form, which words it in the user's language.
export class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "inactive" | "throttled" | "missing", retryAfterMinutes?: number) {
    super();
    this.code = retryAfterMinutes ? `${code}:${retryAfterMinutes}` : code;
  }
}

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export function clientAddress(headers: Headers): string {
  return (
    headers.get("cf-connecting-ip") ??
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() ??
    headers.get("x-real-ip") ??
    "unknown"
  );
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Behind Cloudflare the host header is the public one; AUTH_URL is not needed.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
          throw new SignInRefused(result.reason, result.reason === "throttled" ? result.retryAfterMinutes : undefined);
        }
        return { id: String(result.user.id), name: result.user.name, email: result.user.email, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      if (token.role) session.user.role = token.role;
      return session;
    },
  },
});
