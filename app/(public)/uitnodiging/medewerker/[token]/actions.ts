"use server";

import { redirect } from "next/navigation";
import { makeAccountFromLink } from "@/lib/auth/account-from-link";
import { renewSession } from "@/lib/auth/renew-session";
import { requireActor } from "@/lib/auth/session";
import { secondStepPath } from "@/lib/auth/sign-in-state";
import { isWellFormedToken, staffInvitationPath } from "@/lib/domain/invitations";
import { acceptStaffInvitationInput, createStaffAccountInput } from "@/lib/domain/staff-inputs";
import { runAction, type ActionState } from "@/lib/server/action";
import { acceptStaffInvitation, createStaffAccount } from "@/lib/server/staff/accept-invitation";

/** A new person makes their account from the link, then signs in (and, for staff, sets up their app). */
export async function createStaffAccountAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // Staff sign in in two steps: the second step leads a new account to setting up the app.
  // A professional signs in with the password alone, as other professionals do.
  let secondStep = true;
  const make = async (input: Parameters<typeof createStaffAccount>[0], meta: Parameters<typeof createStaffAccount>[1]) => {
    const made = await createStaffAccount(input, meta);
    secondStep = made.secondStep;
    return made;
  };
  return makeAccountFromLink(formData, createStaffAccountInput, make, async () => (secondStep ? secondStepPath("/start") : "/start"));
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
