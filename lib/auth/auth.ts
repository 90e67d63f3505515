import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type {} from "next-auth/jwt";
import { signInInput } from "@/lib/domain/inputs";
import { sessionMaxAgeSeconds } from "@/lib/domain/sign-in";
import { prisma } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { cookiesMustBeSecure } from "@/lib/http/secure-cookies";
import { checkPassword } from "@/lib/server/sign-in/check-password";
import { readSessionGrant } from "./session-grant";

declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion?: number; secondFactor?: boolean; signedInAt?: number; sessionId?: string } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
    secondFactor?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version when this session was made */
    sv?: number;
    /** The second factor was passed */
    mfa?: boolean;
    /** Seconds since 1970 when this session was made */
    sat?: number;
    /** A random id of this session */
    sid?: string;
  }
}

/** Too many failed attempts: told apart from a wrong password, the same for every address. */
export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

/**
 * Sign-in with e-mail and password. The session (a signed, encrypted cookie) holds the
 * user id, the session version it was made for, and whether the second factor was
 * passed; memberships are read from the database on every request (decisions 005, 017).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  // No `trustHost` here: Auth.js's own default applies. With AUTH_URL (production, the
  // tests) every sign-in URL is built from that address and the request's host is ignored;
  // without it, the host is taken from the request only under AUTH_TRUST_HOST (the demo,
  // lib/http/public-address.ts) or outside production (`next dev`). A production server
  // with neither refuses to sign anyone in rather than believe a Host header.
  // Auth.js's cookies are httpOnly and SameSite=Lax (Strict would drop the session on the
  // first request after following a link in an e-mail). Secure, with the __Secure-/__Host-
  // name prefixes, is decided once from the configured address rather than per request.
  useSecureCookies: cookiesMustBeSecure(),
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/inloggen" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const check = await checkPassword(parsed.data, clientIp(request.headers));
        if (!check.ok) {
          if (check.reason === "locked") throw new AccountLocked();
          return null;
        }
        const { id, name, email, sessionVersion } = check.user;
        return { id, name, email, sessionVersion, secondFactor: false };
      },
    }),
    // Signing in again with a grant the server just made: after the second factor, or to
    // keep one's session when one's own membership changed (lib/auth/session-grant.ts).
    Credentials({
      id: "session-grant",
      credentials: { grant: {} },
      async authorize(raw) {
        const grant = readSessionGrant(raw?.grant);
        if (!grant) return null;
        const user = await prisma.user.findUnique({ where: { id: grant.userId } });
        if (!user || user.sessionVersion !== grant.sessionVersion) return null;
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, secondFactor: grant.secondFactor };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger }) {
      // Only a sign-in writes the claims. An "update" (which the browser can ask for, with
      // data of its own choosing) leaves the token as it is.
      if (trigger === "signIn" && user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.mfa = user.secondFactor === true;
        token.sat = Math.floor(Date.now() / 1000);
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionVersion = token.sv;
      session.user.secondFactor = token.mfa;
      session.user.signedInAt = token.sat;
      session.user.sessionId = token.sid;
      return session;
    },
  },
});
