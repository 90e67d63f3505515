import "server-only";
import type { Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/server/errors";

/**
 * An assignment of a case's current decision, found through the case the actor
 * was already scoped to: an id of another case's assignment, or of a decision
 * that was superseded, is "not found" like any other.
 */
export async function findCurrentAssignment(tx: Tx, scopedCase: { id: string; gemeenteId: string }, assignmentId: string) {
  const found = await tx.assignment.findFirst({
    where: {
      id: assignmentId,
      gemeenteId: scopedCase.gemeenteId,
      decision: { caseId: scopedCase.id, gemeenteId: scopedCase.gemeenteId, supersededBy: null },
    },
    select: { id: true, status: true, party: true, description: true, dueOn: true },
  });
  if (!found) throw new NotFoundError();
  return found;
}
