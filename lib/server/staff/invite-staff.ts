import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor, scopeOfActor } from "@/lib/db/acting";
import type { InviteStaffInput } from "@/lib/domain/staff-inputs";
import { checkGrant, type StaffScope } from "@/lib/domain/staff-roles";
import { roleScope } from "@/lib/domain/roles";
import { sameEmail } from "@/lib/domain/invitations";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { createStaffInvitation } from "./create-invitation";
import { countManagers, findScope, lockStaffScope } from "./scope";
import { refusal } from "./refusal";

/**
 * A gemeente admin (or region coordinator) invites someone by e-mail to a role in
 * their own gemeente (or region). The scope named in the form is only accepted when
 * it is one of the actor's own (the rules check it against their memberships).
 *
 * asActor: Membership, User and StaffInvitation have no row policies, so the actor's
 * own scope is enough and touches no case; the mail's outbox row steps into the
 * system scope for its insert only (see enqueueStaffInvitationMail).
 */
export async function inviteStaff(actor: Actor, input: InviteStaffInput): Promise<{ invitationId: string }> {
  const scope: StaffScope = { kind: input.scopeKind, id: input.scopeId };
  if (roleScope[input.role] !== scope.kind) throw new DomainError("checkFields", { role: "chooseStaffRole" });
  return asActor(actor, async (tx) => {
    await lockStaffScope(tx, scope);
    const verdict = checkGrant(actor, scope, input.role, { managers: await countManagers(tx, scope) }, { isActor: sameEmail(actor.email, input.email) });
    if (!verdict.ok) throw refusal(verdict.reason, "email");
    if (!(await findScope(tx, scope))) throw new NotFoundError();
    return createStaffInvitation(tx, actor, scopeOfActor(actor), { scope, role: input.role, email: input.email, name: input.name, as: verdict.as });
  });
}
