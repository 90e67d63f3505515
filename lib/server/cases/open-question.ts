import "server-only";
import type { Tx } from "@/lib/db/client";
import { resumeDeadline } from "@/lib/domain/deadlines";
import type { CaseStatus } from "@/lib/domain/case-machine";

/** A case's question to the family that is neither answered nor withdrawn: at most one, the newest. */
export async function findOpenQuestion(tx: Tx, c: { id: string; gemeenteId: string }) {
  return tx.informationRequest.findFirst({
    where: { caseId: c.id, gemeenteId: c.gemeenteId, answeredAt: null, withdrawnAt: null },
    orderBy: { askedAt: "desc" },
  });
}

/**
 * Takes a question back. With a reason, staff withdrew it and the family reads
 * why; without one, it lapsed because the case moved on (it was referred).
 */
export async function markQuestionWithdrawn(
  tx: Tx,
  questionId: string,
  by: { userId: string; at: Date; reason: string | null },
): Promise<void> {
  await tx.informationRequest.update({
    where: { id: questionId },
    data: { withdrawnAt: by.at, withdrawnById: by.userId, withdrawReason: by.reason },
  });
}

/**
 * Where a case goes when its question is answered or withdrawn: back to the step it
 * was in, with the working days that were left on its clock.
 */
export function resumeAfter(question: { resumeStatus: CaseStatus; remainingWorkingDays: number | null }, now: Date) {
  return {
    returnTo: question.resumeStatus,
    deadlineAt: question.remainingWorkingDays === null ? undefined : resumeDeadline(now, question.remainingWorkingDays),
  };
}
