import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ReferCaseInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { ConflictError } from "@/lib/server/errors";
import { enqueueForRole } from "@/lib/server/notifications/enqueue";
import { applyAction, loadForAction } from "./transition";

/** The aanspreekpunt refers the case to the region's expert team with a question. */
export async function referCase(actor: Actor, input: ReferCaseInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.refer", input.caseId);
    const regionId = loaded.case.regionId;
    if (!regionId) throw new ConflictError("noRegion");
    await tx.referral.create({
      data: { caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId, regionId, question: input.question, referredById: actor.userId },
    });
    await applyAction(tx, actor, loaded, "case.refer", {
      timeline: { kind: "referred", body: input.question, visibleToFamily: true },
    });
    await enqueueForRole(
      tx,
      { role: "EXPERT", regionId },
      { template: "case-referred", caseId: loaded.case.id, gemeenteId: loaded.case.gemeenteId },
    );
  });
}
