import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WithdrawQuestionInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { ConflictError } from "@/lib/server/errors";
import { findOpenQuestion, markQuestionWithdrawn, resumeAfter } from "./open-question";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt takes the open question back: it was unclear, is answered
 * another way, or a crisis cannot wait. The case goes back to the step it was
 * in, with the working days that were left; the family reads why, and may be
 * asked a new question.
 */
export async function withdrawQuestion(actor: Actor, input: WithdrawQuestionInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.withdrawQuestion", input.caseId);
    const open = await findOpenQuestion(tx, loaded.case);
    if (!open) throw new ConflictError("wrongState");
    const now = new Date();
    await markQuestionWithdrawn(tx, open.id, { userId: actor.userId, at: now, reason: input.withdrawReason });
    await applyAction(tx, actor, loaded, "case.withdrawQuestion", {
      ...resumeAfter(open, now),
      timeline: { kind: "infoWithdrawn", body: input.withdrawReason, visibleToFamily: true },
      changes: { informationRequestId: { old: open.id, new: null } },
    });
  });
}
