import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { remainingWorkingDays } from "@/lib/domain/deadlines";
import type { RequestInfoInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt, or the expert team while it has the case, asks the family
 * a question. The clock stops: the working days still left are kept and given
 * back when the family answers.
 */
export async function requestInfo(actor: Actor, input: RequestInfoInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.requestInfo", input.caseId);
    const now = new Date();
    const deadline = loaded.case.deadlineAt;
    await tx.informationRequest.create({
      data: {
        caseId: loaded.case.id,
        gemeenteId: loaded.case.gemeenteId,
        question: input.familyQuestion,
        askedById: actor.userId,
        askedByRole: loaded.role,
        askedAt: now,
        resumeStatus: loaded.case.status,
        remainingWorkingDays: deadline ? remainingWorkingDays(now, deadline) : null,
      },
    });
    await applyAction(tx, actor, loaded, "case.requestInfo", {
      timeline: { kind: "infoRequested", body: input.familyQuestion, visibleToFamily: true },
    });
  });
}
