import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AnswerInfoInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { ConflictError } from "@/lib/server/errors";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";
import { findOpenQuestion, resumeAfter } from "./open-question";
import { applyAction, loadForAction } from "./transition";

/**
 * The family answers the open question. The case goes back to the step it was
 * in, and its clock runs again with the working days that were left.
 */
export async function answerInfo(actor: Actor, input: AnswerInfoInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.answer", input.caseId);
    const open = await findOpenQuestion(tx, loaded.case);
    if (!open) throw new ConflictError("wrongState");
    const now = new Date();
    await tx.informationRequest.update({
      where: { id: open.id },
      data: { answer: input.answer, answeredById: actor.userId, answeredAt: now },
    });
    await applyAction(tx, actor, loaded, "case.answer", {
      ...resumeAfter(open, now),
      timeline: { kind: "infoProvided", body: input.answer, visibleToFamily: true },
      changes: { informationRequestId: { old: null, new: open.id } },
    });
    // The person who asked waits for the answer, and so does the case's holder; a case nobody
    // holds goes to every aanspreekpunt.
    const { id: caseId, number: caseNumber, gemeenteId, assigneeId } = loaded.case;
    const holders = assigneeId ? [assigneeId] : await staffWithRole(tx, { role: "AANSPREEKPUNT", gemeenteId });
    const recipients = [...new Set([open.askedById, ...holders])];
    await notifyStaff(tx, recipients, { kind: "familyAnswered", caseId, caseNumber, gemeenteId });
  });
}
