import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Moves every row that carries the tenant for these cases to another gemeente, after
 * the case itself moved (a transfer, a merger of gemeenten). Keep this list in step with
 * the schema: every model with `caseId` and `gemeenteId` (and assignments, which reach
 * the case through their decision). Transfers stay as history, and the audit trail is
 * append-only and keeps the gemeente of each event.
 */
export async function moveCaseRows(tx: Tx, caseIds: readonly string[], gemeenteId: string): Promise<void> {
  const where = { caseId: { in: [...caseIds] } };
  const data = { gemeenteId };
  await tx.caseParty.updateMany({ where, data });
  await tx.timelineEntry.updateMany({ where, data });
  await tx.referral.updateMany({ where, data });
  await tx.informationRequest.updateMany({ where, data });
  await tx.intervention.updateMany({ where, data });
  await tx.decisionProposal.updateMany({ where, data });
  await tx.decision.updateMany({ where, data });
  await tx.assignment.updateMany({ where: { decision: where }, data });
  await tx.assignmentReport.updateMany({ where, data });
  await tx.caseDocument.updateMany({ where, data });
  await tx.caseInvitation.updateMany({ where, data });
  await tx.caseEvaluation.updateMany({ where, data });
  await tx.caseOrganisation.updateMany({ where, data });
}
