import "server-only";
import { cache } from "react";
import { resolveSession, type SignInState } from "@/lib/server/sign-in/resolve-session";
import { auth } from "./auth";

/** The session of this request as it stands now (decision 017). Cached per request. */
export const currentSignIn = cache(async (): Promise<SignInState> => {
  const user = (await auth())?.user;
  if (!user?.id) return { kind: "signedOut" };
  return resolveSession({ userId: user.id, sessionVersion: user.sessionVersion });
});

/** Where someone goes who may not open a page yet: to the sign-in page, and back afterwards. */
export async function signInPath(returnTo: string): Promise<string> {
  return `/inloggen?terug=${encodeURIComponent(returnTo)}`;
}
