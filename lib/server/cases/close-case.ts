import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CloseCaseInput } from "@/lib/domain/inputs";
import { mayCloseCase, statusChangingActions, statusHistory, stepDurations } from "@/lib/domain/monitoring";
import { asActor } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { jobQueues, runSoon } from "@/lib/server/jobs/run-soon";
import { DomainError } from "@/lib/server/errors";
import { checkHelpStart, dateColumn } from "./evaluation-rules";
import { applyAction, loadForAction } from "./transition";

/**
 * The aanspreekpunt closes the case as solved or no longer needed, with a note
 * the family reads, and records the evaluation: the causes, the kinds of
 * organisation involved, how it was solved, the day the help really started
 * (which the family then confirms or corrects), what broke through, and the
 * working days spent in each step. A case with a decision
 * closes only when every assignment of its current decision is done or ended.
 */
export async function closeCase(actor: Actor, input: CloseCaseInput): Promise<void> {
  await asActor(actor, async (tx) => {
    // Settling an assignment locks the case too: the assignments read below stay as they are until commit.
    await lockCase(tx, input.caseId);
    const loaded = await loadForAction(tx, actor, "case.close", input.caseId);
    const { id: caseId, gemeenteId } = loaded.case;
    checkHelpStart(input.helpStartedOn, loaded.case.createdAt);

    const decisions = await tx.decision.findMany({
      where: { caseId, gemeenteId },
      select: { id: true, supersedesId: true, assignments: { select: { status: true } } },
    });
    // Key of the `monitoring.errors` messages: the close form says which step is left.
    if (!mayCloseCase(decisions)) throw new DomainError("assignmentsOpen");

    const now = new Date();
    const events = await tx.auditEvent.findMany({
      where: { caseId, action: { in: [...statusChangingActions] } },
      orderBy: { seq: "asc" },
      select: { action: true, occurredAt: true, outcome: true, changes: true },
    });
    const durations = stepDurations(statusHistory(loaded.case.createdAt, events), now);
    await tx.caseEvaluation.create({
      data: {
        caseId,
        gemeenteId,
        blockers: input.causes,
        organisationKinds: input.organisationKinds,
        outcome: input.outcome,
        helpStartedOn: input.helpStartedOn === null ? null : dateColumn(input.helpStartedOn),
        helpStartSource: input.helpStartedOn === null ? null : "STAFF",
        blockedNote: input.blockedNote,
        breakthroughNote: input.breakthroughNote,
        stepDurations: durations,
        createdById: actor.userId,
      },
    });

    await applyAction(tx, actor, loaded, "case.close", {
      data: { result: input.result, closingNote: input.closingNote, closedAt: now },
      timeline: { kind: "closed", body: input.closingNote, visibleToFamily: true },
      changes: {
        result: { old: loaded.case.result, new: input.result },
        causes: { old: null, new: input.causes },
        organisationKinds: { old: null, new: input.organisationKinds },
        outcome: { old: null, new: input.outcome },
        helpStartedOn: { old: null, new: input.helpStartedOn },
        stepDurations: { old: null, new: durations },
      },
    });
  });
  // The figures count the closed case within seconds rather than at the next scheduled run (decision 029).
  void runSoon(jobQueues.statistics);
}
