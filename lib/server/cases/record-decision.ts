import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { violatesFourEyes } from "@/lib/domain/decision";
import type { RecordDecisionInput } from "@/lib/domain/inputs";
import { assignmentRows, sendAssignmentLinks } from "@/lib/server/assignment-links/send-links";
import { asActor } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError, DomainError } from "@/lib/server/errors";
import { applyAction, loadForAction } from "./transition";

/**
 * The decision holder records the binding decision on the latest proposal,
 * with its assignments; each organisation of the case with an assignment gets
 * its own link. The proposer can never record it (four eyes); a refused
 * attempt is itself audited.
 */
export async function recordDecision(actor: Actor, input: RecordDecisionInput): Promise<{ decisionId: string }> {
  const refusal = await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.decide", input.caseId);
    const proposal = await tx.decisionProposal.findFirst({
      where: { caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId },
      orderBy: { createdAt: "desc" },
    });
    if (!proposal) throw new ConflictError("wrongState");
    if (violatesFourEyes(proposal.proposedById, actor.userId)) {
      return { loaded, refused: true as const };
    }

    const rows = await assignmentRows(tx, loaded.case, input.assignments);
    const decision = await tx.decision.create({
      data: {
        caseId: loaded.case.id,
        gemeenteId: loaded.case.gemeenteId,
        proposalId: proposal.id,
        legalBasis: input.legalBasis,
        rationale: input.rationale,
        decidedById: actor.userId,
      },
    });
    const created = await tx.assignment.createManyAndReturn({ data: rows.map((r) => ({ ...r, decisionId: decision.id })), select: { id: true } });
    await applyAction(tx, actor, loaded, "case.decide", {
      timeline: { kind: "decided", body: input.rationale, visibleToFamily: true },
      changes: { decisionId: { old: null, new: decision.id }, assignments: { old: null, new: input.assignments.length } },
    });
    await sendAssignmentLinks(tx, actor, loaded.role, loaded.case, created.map((a) => a.id));
    return { decisionId: decision.id, refused: false as const };
  });

  if (refusal.refused) {
    // Recorded in its own transaction: the refusal must stay in the trail although nothing else changed.
    await asActor(actor, (tx) =>
      writeAudit(tx, actor, {
        action: "case.decide",
        outcome: "DENIED",
        role: "DECISION_HOLDER",
        case: { id: refusal.loaded.case.id, number: refusal.loaded.case.number, gemeenteId: refusal.loaded.case.gemeenteId },
        changes: { reason: { old: null, new: "fourEyes" } },
      }),
    );
    throw new DomainError("fourEyes");
  }
  return { decisionId: refusal.decisionId };
}
