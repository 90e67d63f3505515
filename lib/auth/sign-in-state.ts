import "server-only";
import { cache } from "react";
import { resolveSession, type SignInState } from "@/lib/server/sign-in/resolve-session";
import { auth } from "./auth";

/** The session of this request as it stands now (decision 017). Cached per request. */
export const currentSignIn = cache(async (): Promise<SignInState> => {
  const user = (await auth())?.user;
  if (!user?.id) return { kind: "signedOut" };
  const { id: userId, sessionVersion, secondFactor, signedInAt, sessionId } = user;
  return resolveSession({ userId, sessionVersion, secondFactor, signedInAt, sessionId });
});

/** The second step of signing in, and where to go after it. */
export function secondStepPath(returnTo: string, enrolled = true): string {
  return `/inloggen/tweede-stap${enrolled ? "" : "/instellen"}?terug=${encodeURIComponent(returnTo)}`;
}

/**
 * Where someone goes who may not open a page yet: to the second step when only that is
 * missing (or to setting up the app), otherwise to the sign-in page.
 */
export async function signInPath(returnTo: string): Promise<string> {
  const state = await currentSignIn();
  if (state.kind === "needsSecondFactor") return secondStepPath(returnTo, state.enrolled);
  return `/inloggen?terug=${encodeURIComponent(returnTo)}`;
}
