import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AssignCaseInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { DomainError } from "@/lib/server/errors";
import { notifyStaff } from "@/lib/server/notifications/staff";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt hands the case to a colleague: another aanspreekpunt of the
 * case's own gemeente (taken from the case, never from the form). The new
 * assignee is told, unless they took the case themselves.
 */
export async function assignCase(actor: Actor, input: AssignCaseInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.assign", input.caseId);
    const current = loaded.case;
    const colleague = await tx.membership.findFirst({
      where: { userId: input.assigneeId, role: "AANSPREEKPUNT", gemeenteId: current.gemeenteId },
      select: { user: { select: { id: true, name: true } } },
    });
    if (!colleague) throw new DomainError("checkFields", { assigneeId: "notAColleague" });
    if (current.assigneeId === colleague.user.id) throw new DomainError("checkFields", { assigneeId: "alreadyAssignee" });

    await applyAction(tx, actor, loaded, "case.assign", {
      data: { assigneeId: colleague.user.id },
      // The name of the new assignee, so that the staff timeline says to whom.
      timeline: { kind: "assigned", body: colleague.user.name, visibleToFamily: false },
      changes: { assigneeId: { old: current.assigneeId, new: colleague.user.id } },
    });
    if (colleague.user.id !== actor.userId) {
      await notifyStaff(tx, [colleague.user.id], {
        kind: "caseAssigned",
        caseId: current.id,
        caseNumber: current.number,
        gemeenteId: current.gemeenteId,
      });
    }
  });
}
