import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { REDACTED } from "@/lib/domain/audit";
import type { LogInterventionInput } from "@/lib/domain/inputs";
import { interventionKind } from "@/lib/domain/timeline";
import { asActor } from "@/lib/db/acting";
import { applyAction, loadForAction } from "./transition";

/** The family's part and the internal note may be left out by callers that predate them (the demo seed). */
type InterventionEntry = Omit<LogInterventionInput, "childInvolved" | "involvementNote" | "internalNote"> &
  Partial<Pick<LogInterventionInput, "childInvolved" | "involvementNote" | "internalNote">>;

/**
 * An expert team member records what the team did: a consultation, a case
 * conference, an analysis, with whether the parent and the child took part.
 * The family sees all of it except the internal note, whose text also stays
 * out of the audit trail (the trail says only that there is one).
 */
export async function logIntervention(actor: Actor, entry: InterventionEntry): Promise<void> {
  const input = {
    ...entry,
    childInvolved: entry.childInvolved ?? false,
    involvementNote: entry.involvementNote ?? null,
    internalNote: entry.internalNote ?? null,
  };
  await asActor(actor, async (tx) => {
    const loaded = await loadForAction(tx, actor, "case.logIntervention", input.caseId);
    const intervention = await tx.intervention.create({
      data: {
        caseId: loaded.case.id,
        gemeenteId: loaded.case.gemeenteId,
        type: input.type,
        occurredOn: new Date(`${input.occurredOn}T00:00:00Z`),
        participants: input.participants,
        familyInvolved: input.familyInvolved,
        childInvolved: input.childInvolved,
        involvementNote: input.involvementNote,
        outcome: input.outcome,
        nextStep: input.nextStep,
        internalNote: input.internalNote,
        loggedById: actor.userId,
      },
    });
    await applyAction(tx, actor, loaded, "case.logIntervention", {
      timeline: { kind: interventionKind(input.type), body: input.outcome, visibleToFamily: true },
      changes: {
        interventionId: { old: null, new: intervention.id },
        type: { old: null, new: input.type },
        occurredOn: { old: null, new: input.occurredOn },
        familyInvolved: { old: null, new: input.familyInvolved },
        childInvolved: { old: null, new: input.childInvolved },
        internalNote: { old: null, new: input.internalNote === null ? null : REDACTED },
      },
    });
  });
}
