import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import type { RemoveStaffInput } from "@/lib/domain/staff-inputs";
import { checkRemoval } from "@/lib/domain/staff-roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { handOverCases } from "./hand-over-cases";
import { loadMembership } from "./load-membership";
import { refusal } from "./refusal";
import { countManagers } from "./scope";

/**
 * A gemeente admin (or region coordinator) takes someone's role in their scope away.
 * An aanspreekpunt's open cases of that gemeente go back to the queue or to the
 * colleague picked, in the same transaction. Removing the membership ends the
 * person's sessions (a database trigger, decision 017). The last admin stays.
 */
export async function removeStaff(actor: Actor, input: RemoveStaffInput): Promise<{ cases: number }> {
  return asActor(actor, async (tx) => {
    const member = await loadMembership(tx, input.membershipId);
    const verdict = checkRemoval(actor, member, { managers: await countManagers(tx, member.scope) });
    if (!verdict.ok) throw refusal(verdict.reason);
    const handed =
      member.role === "AANSPREEKPUNT" && member.scope.kind === "gemeente"
        ? await handOverCases(tx, actor, verdict.as, { userId: member.userId, gemeenteId: member.scope.id }, input.handOverTo)
        : { cases: 0, colleague: null };
    await tx.membership.delete({ where: { id: member.id } });
    await writeAudit(tx, actor, {
      action: "staff.remove",
      role: verdict.as,
      gemeenteId: member.scope.kind === "gemeente" ? member.scope.id : null,
      changes: {
        membershipId: { old: member.id, new: null },
        userId: { old: member.userId, new: member.userId },
        role: { old: member.role, new: null },
        regionId: { old: member.scope.kind === "region" ? member.scope.id : null, new: null },
        casesHandedOver: { old: null, new: handed.cases },
        handedOverTo: { old: null, new: handed.colleague?.id ?? (handed.cases > 0 ? "queue" : null) },
      },
    });
    return { cases: handed.cases };
  });
}
