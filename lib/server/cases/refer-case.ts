import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ReferCaseInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { ConflictError } from "@/lib/server/errors";
import { enqueueForRole } from "@/lib/server/notifications/enqueue";
import { notifyLeerplicht } from "./leerplicht-notice";
import { findOpenQuestion, markQuestionWithdrawn } from "./open-question";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt refers the case to the region's expert team with a question,
 * and records what blocks it and which kinds of organisation are involved. A
 * thuiszitter's leerplicht contact not told yet is told now (decision 038).
 */
export async function referCase(actor: Actor, input: ReferCaseInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.refer", input.caseId);
    const regionId = loaded.case.regionId;
    if (!regionId) throw new ConflictError("noRegion");
    await tx.referral.create({
      data: {
        caseId: loaded.case.id,
        gemeenteId: loaded.case.gemeenteId,
        regionId,
        question: input.question,
        causes: input.causes,
        organisationKinds: input.organisationKinds,
        referredById: actor.userId,
      },
    });
    // Referred while waiting for the family: the question lapses, and the family no longer has to answer it.
    const open = loaded.case.status === "INFO_REQUESTED" ? await findOpenQuestion(tx, loaded.case) : null;
    if (open) await markQuestionWithdrawn(tx, open.id, { userId: actor.userId, at: new Date(), reason: null });
    await applyAction(tx, actor, loaded, "case.refer", {
      timeline: { kind: "referred", body: input.question, visibleToFamily: true },
      changes: { causes: { old: null, new: input.causes }, organisationKinds: { old: null, new: input.organisationKinds } },
    });
    await enqueueForRole(
      tx,
      { role: "EXPERT", regionId },
      { template: "case-referred", caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId },
    );
    // Leerplicht not told at filing (no contact set up then) hears of the thuiszitter now, with the family's consent.
    await notifyLeerplicht(tx, actor, loaded.role, loaded.case.id, new Date(Date.now() + 1));
  });
}
