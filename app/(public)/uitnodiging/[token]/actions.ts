"use server";

import { redirect } from "next/navigation";
import { renewSession } from "@/lib/auth/renew-session";
import { requireActor } from "@/lib/auth/session";
import { acceptInvitationInput, invitationPath, isWellFormedToken } from "@/lib/domain/invitations";
import { runAction, type ActionState } from "@/lib/server/action";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const token = formData.get("token");
  const actor = await requireActor(isWellFormedToken(token) ? invitationPath(token) : "/");
  // The token is not sent back to the form: it is in the page already.
  const result = await runAction(acceptInvitationInput, { token: token ?? undefined }, {}, (p) => acceptInvitation(actor, p));
  if (!result?.ok) return result;
  // The new membership ended every session of this person; the one they accepted in goes on.
  if (result.data.sessionVersion !== null) await renewSession(result.data.sessionVersion);
  redirect(`/mijn-meldingen/${result.data.caseNumber}`);
}
