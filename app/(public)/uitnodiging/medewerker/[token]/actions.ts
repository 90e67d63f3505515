"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { renewSession } from "@/lib/auth/renew-session";
import { requestMeta, requireActor } from "@/lib/auth/session";
import { secondStepPath } from "@/lib/auth/sign-in-state";
import { isWellFormedToken, staffInvitationPath } from "@/lib/domain/invitations";
import { acceptStaffInvitationInput, createStaffAccountInput } from "@/lib/domain/staff-inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { acceptStaffInvitation, createStaffAccount } from "@/lib/server/staff/accept-invitation";

/** A new person makes their account from the link, then signs in and sets up their app. */
export async function createStaffAccountAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  delete values.token;
  const input = { token: formData.get("token") ?? "", name: formData.get("name") ?? "", password: formData.get("password") ?? "" };
  const meta = await requestMeta();
  const result = await runAction(createStaffAccountInput, input, values, (parsed) => createStaffAccount(parsed, meta));
  if (!result?.ok) return result;
  // Staff sign in in two steps: the second step leads a new account to setting up the app.
  await signIn("credentials", { email: result.data.email, password: input.password, redirectTo: secondStepPath("/start") });
  return result;
}

/** Someone signed in with the invited address accepts. */
export async function acceptStaffInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const token = formData.get("token");
  const actor = await requireActor(isWellFormedToken(token) ? staffInvitationPath(token) : "/");
  const result = await runAction(acceptStaffInvitationInput, { token: token ?? undefined }, {}, (p) => acceptStaffInvitation(actor, p));
  if (!result?.ok) return result;
  // The new membership ended this person's sessions; the one they accepted in goes on, and
  // a staff role asks for the second step (or setting up the app) on the way to their work.
  if (result.data.sessionVersion !== null) await renewSession(result.data.sessionVersion);
  redirect("/start");
}
