import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { addWorkingDays, endOfAmsterdamDay } from "@/lib/domain/deadlines";
import type { AnswerInfoInput } from "@/lib/domain/inputs";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/server/errors";
import { enqueueForRole } from "@/lib/server/notifications/enqueue";
import { applyAction, loadForAction } from "./transition";

/**
 * The family answers the open question. The case goes back to the step it was
 * in, and its clock runs again with the working days that were left.
 */
export async function answerInfo(actor: Actor, input: AnswerInfoInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.answer", input.caseId);
    const open = await tx.informationRequest.findFirst({
      where: { caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId, answeredAt: null },
      orderBy: { askedAt: "desc" },
    });
    if (!open) throw new ConflictError("wrongState");
    const now = new Date();
    await tx.informationRequest.update({
      where: { id: open.id },
      data: { answer: input.answer, answeredById: actor.userId, answeredAt: now },
    });
    await applyAction(tx, actor, loaded, "case.answer", {
      returnTo: open.resumeStatus,
      deadlineAt: open.remainingWorkingDays === null ? undefined : endOfAmsterdamDay(addWorkingDays(now, open.remainingWorkingDays)),
      timeline: { kind: "infoProvided", body: input.answer, visibleToFamily: true },
      changes: { informationRequestId: { old: null, new: open.id } },
    });
    await enqueueForRole(
      tx,
      { role: "AANSPREEKPUNT", gemeenteId: loaded.case.gemeenteId },
      { template: "case-updated", caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId },
    );
  });
}
