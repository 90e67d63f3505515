import "server-only";
import { AuthError } from "next-auth";
import { auth, signIn } from "./auth";
import { issueSessionGrant } from "./session-grant";

/**
 * Keeps the current session after a change to the person's own memberships, which ended
 * every session of theirs (decision 017). Only for the version the change itself made:
 * if something else changed in the meantime, the grant is refused and the person signs
 * in again. Whether the second factor was passed carries over unchanged.
 */
export async function renewSession(sessionVersion: number): Promise<void> {
  const user = (await auth())?.user;
  if (!user?.id) return;
  const grant = issueSessionGrant({ userId: user.id, sessionVersion, secondFactor: user.secondFactor === true });
  try {
    await signIn("session-grant", { grant, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
}
