"use server";

import { refresh } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { inviteToCaseInput, revokeInvitationInput } from "@/lib/domain/invitations";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";

function casePath(formData: FormData): string {
  const number = formData.get("caseNumber");
  return typeof number === "string" && caseNumberPattern.test(number) ? `/mijn-meldingen/${number}` : "/mijn-meldingen";
}

export async function inviteAction(_prev: ActionState, formData: FormData): Promise<ActionState<{ email: string }>> {
  const actor = await requireActor(casePath(formData));
  const input = { caseId: formData.get("caseId") ?? undefined, email: formData.get("email") ?? undefined, role: formData.get("role") ?? undefined };
  const result = await runAction(inviteToCaseInput, input, formValues(formData), async (p) => {
    await inviteToCase(actor, p);
    return { email: p.email };
  });
  // The case page shows the new invitation in its list.
  if (result?.ok) refresh();
  return result;
}

export async function revokeInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(casePath(formData));
  const input = { caseId: formData.get("caseId") ?? undefined, invitationId: formData.get("invitationId") ?? undefined };
  const result = await runAction(revokeInvitationInput, input, {}, (p) => revokeInvitation(actor, p));
  if (result?.ok) refresh();
  return result;
}
