import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import type { ChangeStaffRoleInput } from "@/lib/domain/staff-inputs";
import { checkRoleChange, makesLive } from "@/lib/domain/staff-roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { routeWaitingCases } from "@/lib/server/coverage/route-waiting";
import { DomainError } from "@/lib/server/errors";
import { handOverCases } from "./hand-over-cases";
import { loadMembership } from "./load-membership";
import { refusal } from "./refusal";
import { countManagers, scopeWhere } from "./scope";

/**
 * A gemeente admin (or region coordinator) gives a colleague another role in the same
 * scope. An aanspreekpunt who becomes something else can no longer work on their
 * cases: those go back to the queue. The change ends the person's sessions (trigger,
 * decision 017), so their next page is seen with the new role.
 */
export async function changeStaffRole(actor: Actor, input: ChangeStaffRoleInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const member = await loadMembership(tx, input.membershipId);
    const verdict = checkRoleChange(actor, member, input.role, { managers: await countManagers(tx, member.scope) });
    if (!verdict.ok) throw refusal(verdict.reason, "role");
    const twin = await tx.membership.findFirst({ where: { userId: member.userId, role: input.role, ...scopeWhere(member.scope) }, select: { id: true } });
    if (twin) throw new DomainError("checkFields", { role: "alreadyHasRole" });

    if (member.role === "AANSPREEKPUNT" && member.scope.kind === "gemeente") {
      await handOverCases(tx, actor, verdict.as, { userId: member.userId, gemeenteId: member.scope.id }, "queue");
    }
    await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await writeAudit(tx, actor, {
      action: "staff.changeRole",
      role: verdict.as,
      gemeenteId: member.scope.kind === "gemeente" ? member.scope.id : null,
      changes: {
        membershipId: { old: member.id, new: member.id },
        userId: { old: member.userId, new: member.userId },
        role: { old: member.role, new: input.role },
      },
    });
    if (makesLive(input.role)) {
      await routeWaitingCases(tx, actor, member.scope.kind === "gemeente" ? { gemeenteIds: [member.scope.id] } : { regionIds: [member.scope.id] });
    }
  });
}
