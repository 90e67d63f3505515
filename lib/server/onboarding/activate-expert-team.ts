import "server-only";
import { actorRoles, type Actor } from "@/lib/auth/actor";
import { asActor, scopeOfActor } from "@/lib/db/acting";
import { sameEmail } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import type { ActivateExpertTeamInput } from "@/lib/domain/staff-inputs";
import { checkGrant, type StaffScope } from "@/lib/domain/staff-roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { routeWaitingCases } from "@/lib/server/coverage/route-waiting";
import { NotFoundError } from "@/lib/server/errors";
import { createStaffInvitation } from "@/lib/server/staff/create-invitation";
import { refusal } from "@/lib/server/staff/refusal";
import { countManagers, lockStaffScope } from "@/lib/server/staff/scope";

/**
 * The platform admin starts a region's expert team on the portal: the team is
 * activated (made, named after the region, if the reference data had none) and its
 * first region coordinator is invited, who brings in the team's members.
 */
export async function activateExpertTeam(actor: Actor, input: ActivateExpertTeamInput): Promise<{ invitationId: string }> {
  if (!may(actorRoles(actor), "platform.onboard")) throw new NotFoundError();
  const scope: StaffScope = { kind: "region", id: input.regionId };
  return asActor(actor, async (tx) => {
    const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { id: true, name: true, expertTeam: { select: { id: true, activatedAt: true } } } });
    if (!region) throw new NotFoundError();
    await lockStaffScope(tx, scope);
    const verdict = checkGrant(actor, scope, "REGION_COORDINATOR", { managers: await countManagers(tx, scope) }, { isActor: sameEmail(actor.email, input.coordinatorEmail) });
    if (!verdict.ok) throw refusal(verdict.reason, "coordinatorEmail");
    if (!region.expertTeam?.activatedAt) {
      const now = new Date();
      const team = region.expertTeam
        ? await tx.expertTeam.update({ where: { id: region.expertTeam.id }, data: { activatedAt: now }, select: { id: true } })
        : await tx.expertTeam.create({ data: { regionId: region.id, name: `Expertteam ${region.name}`, activatedAt: now }, select: { id: true } });
      await writeAudit(tx, actor, {
        action: "expertTeam.activate",
        role: "PLATFORM_ADMIN",
        changes: { regionId: { old: null, new: region.id }, expertTeamId: { old: region.expertTeam?.id ?? null, new: team.id }, activatedAt: { old: null, new: now.toISOString() } },
      });
    }
    const invited = await createStaffInvitation(tx, actor, scopeOfActor(actor), {
      scope,
      role: "REGION_COORDINATOR",
      email: input.coordinatorEmail,
      name: input.coordinatorName,
      as: verdict.as,
    });
    await routeWaitingCases(tx, actor, { regionIds: [region.id] });
    return invited;
  });
}
