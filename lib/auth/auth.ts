import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInInput } from "@/lib/domain/inputs";
import { clientIp } from "@/lib/http/client-ip";
import { cookiesMustBeSecure } from "@/lib/http/secure-cookies";
import { checkPassword } from "@/lib/server/sign-in/check-password";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

/** Too many failed attempts: told apart from a wrong password, the same for every address. */
export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

/**
 * Sign-in with e-mail and password. The session (a signed, encrypted cookie)
 * holds only the user id; memberships are read from the database on every
 * request, so a changed membership takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Auth.js's cookies are httpOnly and SameSite=Lax (Strict would drop the session on the
  // first request after following a link in an e-mail). Secure, with the __Secure-/__Host-
  // name prefixes, is decided once from AUTH_URL rather than per request.
  useSecureCookies: cookiesMustBeSecure(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/inloggen" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const check = await checkPassword(parsed.data, clientIp(request.headers));
        if (!check.ok) {
          if (check.reason === "locked") throw new AccountLocked();
          return null;
        }
        return check.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
