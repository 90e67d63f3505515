import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Changes } from "@/lib/domain/audit";
import type { RefineEvaluationInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError } from "@/lib/server/errors";
import { jobQueues, runSoon } from "@/lib/server/jobs/run-soon";
import { refreshCaseStatistic } from "@/lib/server/statistics/case-statistic";
import { checkHelpStart, dateColumn, dayOf } from "./evaluation-rules";
import { loadForAction } from "./transition";

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The aanspreekpunt refines what was learned from a closed case: its causes,
 * the kinds of organisation involved, how it was solved, the day the help
 * started and the notes. Only what changed is written, with the old and new
 * values in the audit trail (the notes redacted). A new help-start day is the
 * staff's again: the family is asked to confirm it anew.
 */
export async function refineEvaluation(actor: Actor, input: RefineEvaluationInput): Promise<{ changed: boolean }> {
  const result = await asActor(actor, async (tx) => {
    // The family's answer about the start day locks the case too: the two never interleave.
    await lockCase(tx, input.caseId);
    const loaded = await loadForAction(tx, actor, "case.refineEvaluation", input.caseId);
    const { id: caseId, gemeenteId, number } = loaded.case;
    if (loaded.case.purgedAt) throw new ConflictError("wrongState");
    const current = await tx.caseEvaluation.findFirst({ where: { caseId, gemeenteId } });
    // Withdrawn and not-admissible cases close without an evaluation.
    if (!current) throw new ConflictError("noEvaluation");
    checkHelpStart(input.helpStartedOn, loaded.case.createdAt);

    const changes: Changes = {};
    if (!sameKeys(current.blockers, input.causes)) changes.causes = { old: current.blockers, new: input.causes };
    if (!sameKeys(current.organisationKinds, input.organisationKinds)) {
      changes.organisationKinds = { old: current.organisationKinds, new: input.organisationKinds };
    }
    if (current.outcome !== input.outcome) changes.outcome = { old: current.outcome, new: input.outcome };
    const oldDay = dayOf(current.helpStartedOn);
    const dayChanged = oldDay !== input.helpStartedOn;
    if (dayChanged) {
      changes.helpStartedOn = { old: oldDay, new: input.helpStartedOn };
      const source = input.helpStartedOn === null ? null : "STAFF";
      if (source !== current.helpStartSource) changes.helpStartSource = { old: current.helpStartSource, new: source };
    }
    if (current.blockedNote !== input.blockedNote) changes.blockedNote = { old: current.blockedNote, new: input.blockedNote };
    if (current.breakthroughNote !== input.breakthroughNote) {
      changes.breakthroughNote = { old: current.breakthroughNote, new: input.breakthroughNote };
    }
    if (Object.keys(changes).length === 0) return { changed: false };

    await tx.caseEvaluation.update({
      where: { id: current.id },
      data: {
        blockers: input.causes,
        organisationKinds: input.organisationKinds,
        outcome: input.outcome,
        blockedNote: input.blockedNote,
        breakthroughNote: input.breakthroughNote,
        ...(dayChanged
          ? {
              helpStartedOn: input.helpStartedOn === null ? null : dateColumn(input.helpStartedOn),
              helpStartSource: input.helpStartedOn === null ? null : "STAFF",
              helpStartConfirmedAt: null,
            }
          : {}),
        updatedAt: new Date(),
        updatedById: actor.userId,
      },
    });
    await writeAudit(tx, actor, { action: "case.refineEvaluation", role: loaded.role, case: { id: caseId, number, gemeenteId }, changes });
    // The case's anonymous facts hold its causes, outcome and start of help too (decision 026).
    await refreshCaseStatistic(tx, caseId);
    return { changed: true };
  });
  if (result.changed) void runSoon(jobQueues.statistics);
  return result;
}
