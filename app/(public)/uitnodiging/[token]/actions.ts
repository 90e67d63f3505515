"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { acceptInvitationInput, invitationPath, isWellFormedToken } from "@/lib/domain/invitations";
import { runAction, type ActionState } from "@/lib/server/action";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const token = formData.get("token");
  const actor = await requireActor(isWellFormedToken(token) ? invitationPath(token) : "/");
  // The token is not sent back to the form: it is in the page already.
  const result = await runAction(acceptInvitationInput, { token: token ?? undefined }, {}, (p) => acceptInvitation(actor, p));
  if (result?.ok) redirect(`/mijn-meldingen/${result.data.caseNumber}`);
  return result;
}
