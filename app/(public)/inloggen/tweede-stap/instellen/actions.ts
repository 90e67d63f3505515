"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/auth/return-to";
import { requestMeta } from "@/lib/auth/session";
import { issueSessionGrant } from "@/lib/auth/session-grant";
import { currentSignIn, secondStepPath } from "@/lib/auth/sign-in-state";
import { confirmEnrolmentInput } from "@/lib/domain/sign-in";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { confirmEnrolment } from "@/lib/server/sign-in/confirm-enrolment";

export type EnrolmentDone = { recoveryCodes: string[]; next: string };

/**
 * The first code from the newly set up app: the app is confirmed, the sign-in is complete,
 * and the recovery codes come back to be shown this one time.
 */
export async function confirmEnrolmentAction(_prev: ActionState<EnrolmentDone>, formData: FormData): Promise<ActionState<EnrolmentDone>> {
  const returnTo = safeReturnTo(formData.get("terug"));
  const state = await currentSignIn();
  if (state.kind === "signedIn") redirect(returnTo);
  if (state.kind === "signedOut") redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);
  if (state.enrolled) redirect(secondStepPath(returnTo));

  const { user, sessionId } = state;
  const who = { userId: user.id, name: user.name, email: user.email, organisation: user.organisation, sessionId };
  const meta = await requestMeta();
  const result = await runAction(confirmEnrolmentInput, { code: formData.get("code") }, formValues(formData), (input) =>
    confirmEnrolment(who, input, meta),
  );
  if (!result?.ok) return result;
  const grant = issueSessionGrant({ userId: user.id, sessionVersion: user.sessionVersion, secondFactor: true });
  try {
    // No redirect yet: the recovery codes are shown first.
    await signIn("session-grant", { grant, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);
    throw error;
  }
  return { ok: true, data: { recoveryCodes: result.data.recoveryCodes, next: returnTo } };
}
