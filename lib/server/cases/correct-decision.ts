import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { violatesFourEyes } from "@/lib/domain/decision";
import type { CorrectDecisionInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError, DomainError } from "@/lib/server/errors";
import { assignmentRows, revokeOpenLinks, sendAssignmentLinks } from "@/lib/server/assignment-links/send-links";
import { applyAction, loadForAction, notifyFamily } from "./transition";

/** Why the open assignments of a corrected decision stopped; shown to staff and the family. */
export const SUPERSEDED_NOTE = "Vervangen door een nieuw besluit";

/**
 * A decision holder of the gemeente corrects a recorded decision: a new
 * decision, on the same proposal, supersedes it. The old decision and its
 * assignments stay as they were and stay visible; only its open assignments
 * end, because the new decision says what must happen now; their organisations'
 * links stop working, and the new tasks go out with new links. The proposer of
 * that proposal may not correct it either (four eyes); a refusal is audited.
 */
export async function correctDecision(actor: Actor, input: CorrectDecisionInput): Promise<{ decisionId: string }> {
  let result;
  try {
    result = await asActor(actor, async (tx) => {
      const loaded = await loadForAction(tx, actor, "case.correctDecision", input.caseId);
      const current = await tx.decision.findFirst({
        where: { caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId, supersededBy: null },
        orderBy: { createdAt: "desc" },
        include: { proposal: { select: { proposedById: true } }, assignments: { select: { id: true, status: true } } },
      });
      if (!current) throw new ConflictError("wrongState");
      // The person corrected the decision they saw; another correction since then makes their form out of date.
      if (current.id !== input.decisionId) throw new ConflictError();
      if (violatesFourEyes(current.proposal.proposedById, actor.userId)) {
        return { loaded, refused: true as const };
      }

      const now = new Date();
      const rows = await assignmentRows(tx, loaded.case, input.assignments);
      const decision = await tx.decision.create({
        data: {
          caseId: loaded.case.id,
          gemeenteId: loaded.case.gemeenteId,
          proposalId: current.proposalId,
          legalBasis: input.legalBasis,
          rationale: input.rationale,
          decidedById: actor.userId,
          supersedesId: current.id,
        },
      });
      const created = await tx.assignment.createManyAndReturn({ data: rows.map((r) => ({ ...r, decisionId: decision.id })), select: { id: true } });
      // The old decision's links stop working: its tasks were replaced by the new decision's.
      const revokedLinks = await revokeOpenLinks(tx, actor, loaded.case, current.assignments.map((a) => a.id), now);
      const ended = await tx.assignment.updateMany({
        where: { decisionId: current.id, gemeenteId: loaded.case.gemeenteId, status: "OPEN" },
        data: { status: "ENDED", statusNote: SUPERSEDED_NOTE, statusAt: now, statusById: actor.userId, overdueAt: null },
      });
      await applyAction(tx, actor, loaded, "case.correctDecision", {
        timeline: { kind: "decisionCorrected", body: input.correctionReason, visibleToFamily: true },
        changes: {
          decisionId: { old: current.id, new: decision.id },
          reason: { old: null, new: input.correctionReason },
          assignments: { old: current.assignments.length, new: input.assignments.length },
          endedAssignments: { old: null, new: ended.count },
          revokedLinks: { old: null, new: revokedLinks.length },
        },
      });
      await sendAssignmentLinks(tx, actor, loaded.role, loaded.case, created.map((a) => a.id));
      await notifyFamily(tx, loaded.case, actor.userId);
      return { decisionId: decision.id, refused: false as const };
    });
  } catch (error) {
    // Two corrections of one decision at once: the unique supersedesId lets only one through.
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }

  if (result.refused) {
    // In its own transaction: the refusal stays in the trail although nothing else changed.
    const { case: c } = result.loaded;
    await asActor(actor, (tx) =>
      writeAudit(tx, actor, {
        action: "case.correctDecision",
        outcome: "DENIED",
        role: "DECISION_HOLDER",
        case: { id: c.id, number: c.number, gemeenteId: c.gemeenteId },
        changes: { reason: { old: null, new: "fourEyes" } },
      }),
    );
    throw new DomainError("fourEyes");
  }
  return { decisionId: result.decisionId };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
