"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/auth/return-to";
import { requestMeta } from "@/lib/auth/session";
import { issueSessionGrant } from "@/lib/auth/session-grant";
import { currentSignIn, secondStepPath } from "@/lib/auth/sign-in-state";
import { secondFactorInput } from "@/lib/domain/sign-in";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { verifySecondFactor } from "@/lib/server/sign-in/verify-second-factor";

/** The code from the app (or a recovery code) completes the sign-in of a staff member. */
export async function secondFactorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const returnTo = safeReturnTo(formData.get("terug"));
  const state = await currentSignIn();
  if (state.kind === "signedIn") redirect(returnTo);
  if (state.kind === "signedOut") redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);
  if (!state.enrolled) redirect(secondStepPath(returnTo, false));

  const { user } = state;
  const who = { userId: user.id, name: user.name, email: user.email, organisation: user.organisation };
  const meta = await requestMeta();
  const result = await runAction(secondFactorInput, { code: formData.get("code") }, formValues(formData), (input) =>
    verifySecondFactor(who, input, meta),
  );
  if (!result?.ok) return result;
  const grant = issueSessionGrant({ userId: user.id, sessionVersion: user.sessionVersion, secondFactor: true });
  try {
    await signIn("session-grant", { grant, redirectTo: returnTo });
  } catch (error) {
    // The session was revoked in the meantime (a membership changed): start again.
    if (error instanceof AuthError) redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);
    throw error;
  }
  return null;
}
