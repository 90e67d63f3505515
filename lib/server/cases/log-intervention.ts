import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { LogInterventionInput } from "@/lib/domain/inputs";
import { interventionKind } from "@/lib/domain/timeline";
import { prisma } from "@/lib/db/client";
import { applyAction, loadForAction } from "./transition";

/** An expert team member records what the team did: a consultation, a case conference, an analysis. */
export async function logIntervention(actor: Actor, input: LogInterventionInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.logIntervention", input.caseId);
    const intervention = await tx.intervention.create({
      data: {
        caseId: loaded.case.id,
        gemeenteId: loaded.case.gemeenteId,
        type: input.type,
        occurredOn: new Date(`${input.occurredOn}T00:00:00Z`),
        participants: input.participants,
        familyInvolved: input.familyInvolved,
        outcome: input.outcome,
        nextStep: input.nextStep,
        loggedById: actor.userId,
      },
    });
    await applyAction(tx, actor, loaded, "case.logIntervention", {
      timeline: { kind: interventionKind(input.type), body: input.outcome, visibleToFamily: true },
      changes: { interventionId: { old: null, new: intervention.id }, type: { old: null, new: input.type } },
    });
  });
}
