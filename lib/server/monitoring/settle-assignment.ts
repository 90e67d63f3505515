import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { SettleAssignmentInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { applyAction, loadForAction } from "@/lib/server/cases/transition";
import { ConflictError } from "@/lib/server/errors";
import { findCurrentAssignment } from "./find-assignment";

/**
 * The aanspreekpunt or the expert team marks an open assignment of the current
 * decision as done (with what shows it) or ended (with why). The family sees in
 * the timeline that it happened; staff see the note. An assignment is settled
 * once: a second attempt, also a concurrent one, is a conflict.
 */
export async function settleAssignment(actor: Actor, input: SettleAssignmentInput): Promise<void> {
  await asActor(actor, async (tx) => {
    // Settling and closing both lock the case first, so a close never reads assignments a settle is changing.
    await lockCase(tx, input.caseId);
    const loaded = await loadForAction(tx, actor, "case.settleAssignment", input.caseId);
    const assignment = await findCurrentAssignment(tx, loaded.case, input.assignmentId);
    const now = new Date();
    const settled = await tx.assignment.updateMany({
      where: { id: assignment.id, status: "OPEN" },
      data: { status: input.outcome, statusNote: input.statusNote, statusAt: now, statusById: actor.userId, overdueAt: null },
    });
    if (settled.count !== 1) throw new ConflictError();

    await applyAction(tx, actor, loaded, "case.settleAssignment", {
      timeline: {
        kind: input.outcome === "DONE" ? "assignmentDone" : "assignmentEnded",
        body: `${assignment.party}: ${assignment.description}\n\n${input.statusNote}`,
        visibleToFamily: true,
      },
      changes: {
        assignmentId: { old: null, new: assignment.id },
        assignmentStatus: { old: assignment.status, new: input.outcome },
      },
    });
  });
}
