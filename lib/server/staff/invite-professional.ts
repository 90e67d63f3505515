import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor, scopeOfActor } from "@/lib/db/acting";
import { sameEmail } from "@/lib/domain/invitations";
import { mayInviteFrom, ownerOf } from "@/lib/domain/organisations";
import type { InviteProfessionalInput } from "@/lib/domain/staff-inputs";
import { checkGrant } from "@/lib/domain/staff-roles";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { createStaffInvitation } from "./create-invitation";
import { refusal } from "./refusal";
import { countManagers, lockStaffScope } from "./scope";

/**
 * A gemeente admin (or region coordinator) invites a person who works at a leerplicht /
 * RMC office or a samenwerkingsverband of their own directory to a professional account
 * (decision 040). The account files cases for families with their recorded consent, can
 * be invited to a case, and sees only the cases it is a party to. The membership is kept
 * in the inviting gemeente (or region), so that its managers see and end it like staff's.
 * An entry of a directory the actor does not keep is "not found".
 */
export async function inviteProfessional(actor: Actor, input: InviteProfessionalInput): Promise<{ invitationId: string }> {
  return asActor(actor, async (tx) => {
    const entry = await tx.organisation.findUnique({
      where: { id: input.organisationId },
      select: { id: true, gemeenteId: true, regionId: true, kind: true, archivedAt: true },
    });
    if (!entry) throw new NotFoundError();
    const scope = ownerOf(entry);
    await lockStaffScope(tx, scope);
    const verdict = checkGrant(actor, scope, "PROFESSIONAL", { managers: await countManagers(tx, scope) }, { isActor: sameEmail(actor.email, input.email) });
    if (!verdict.ok) throw refusal(verdict.reason, "email");
    if (!mayInviteFrom(entry)) throw new DomainError("checkFields", { organisationId: "noProfessionalsHere" });
    return createStaffInvitation(tx, actor, scopeOfActor(actor), {
      scope,
      role: "PROFESSIONAL",
      email: input.email,
      name: input.name,
      as: verdict.as,
      organisationId: entry.id,
    });
  });
}
