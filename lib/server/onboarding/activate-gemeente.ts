import "server-only";
import { actorRoles, type Actor } from "@/lib/auth/actor";
import { asActor, scopeOfActor } from "@/lib/db/acting";
import { sameEmail } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import type { ActivateGemeenteInput } from "@/lib/domain/staff-inputs";
import { checkGrant, type StaffScope } from "@/lib/domain/staff-roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { routeWaitingCases } from "@/lib/server/coverage/route-waiting";
import { NotFoundError } from "@/lib/server/errors";
import { createStaffInvitation } from "@/lib/server/staff/create-invitation";
import { refusal } from "@/lib/server/staff/refusal";
import { countManagers, lockStaffScope } from "@/lib/server/staff/scope";

/**
 * The platform admin starts a gemeente on the portal: it is activated (once) and its
 * first gemeente admin is invited by e-mail, who then brings in the rest of the staff.
 * A gemeente that has an admin already is run by that admin. asActor: no case is
 * touched; the invitation mail's outbox row steps into the system scope for its insert.
 */
export async function activateGemeente(actor: Actor, input: ActivateGemeenteInput): Promise<{ invitationId: string }> {
  if (!may(actorRoles(actor), "platform.onboard")) throw new NotFoundError();
  const scope: StaffScope = { kind: "gemeente", id: input.gemeenteId };
  return asActor(actor, async (tx) => {
    const gemeente = await tx.gemeente.findFirst({ where: { id: input.gemeenteId, endedOn: null }, select: { id: true, activatedAt: true } });
    if (!gemeente) throw new NotFoundError();
    await lockStaffScope(tx, scope);
    const verdict = checkGrant(actor, scope, "GEMEENTE_ADMIN", { managers: await countManagers(tx, scope) }, { isActor: sameEmail(actor.email, input.adminEmail) });
    if (!verdict.ok) throw refusal(verdict.reason, "adminEmail");
    if (!gemeente.activatedAt) {
      const now = new Date();
      await tx.gemeente.update({ where: { id: gemeente.id }, data: { activatedAt: now } });
      await writeAudit(tx, actor, {
        action: "gemeente.activate",
        role: "PLATFORM_ADMIN",
        gemeenteId: gemeente.id,
        changes: { activatedAt: { old: null, new: now.toISOString() } },
      });
    }
    const invited = await createStaffInvitation(tx, actor, scopeOfActor(actor), {
      scope,
      role: "GEMEENTE_ADMIN",
      email: input.adminEmail,
      name: input.adminName,
      as: verdict.as,
    });
    await routeWaitingCases(tx, actor, { gemeenteIds: [gemeente.id] });
    return invited;
  });
}
