import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ConfirmHelpStartInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { jobQueues, runSoon } from "@/lib/server/jobs/run-soon";
import { refreshCaseStatistic } from "@/lib/server/statistics/case-statistic";
import { checkHelpStart, dateColumn, dayOf } from "./evaluation-rules";
import { loadForAction } from "./transition";

/**
 * The family says whether the help really started on the day staff recorded
 * when closing, or gives the right day. Asked once for each day staff record:
 * an answered day is not asked again until staff change it.
 */
export async function confirmHelpStart(actor: Actor, input: ConfirmHelpStartInput): Promise<void> {
  await asActor(actor, async (tx) => {
    await lockCase(tx, input.caseId);
    const loaded = await loadForAction(tx, actor, "case.confirmHelpStart", input.caseId);
    const { id: caseId, gemeenteId, number } = loaded.case;
    // After the retention period the family's case is gone (decision 014).
    if (loaded.case.purgedAt) throw new NotFoundError();
    const evaluation = await tx.caseEvaluation.findFirst({
      where: { caseId, gemeenteId },
      select: { id: true, helpStartedOn: true, helpStartSource: true },
    });
    const recorded = dayOf(evaluation?.helpStartedOn ?? null);
    if (!evaluation || recorded === null || evaluation.helpStartSource !== "STAFF") throw new ConflictError("helpStartAnswered");

    const day = input.answer === "CORRECT" && input.helpStartedOn !== null ? input.helpStartedOn : recorded;
    checkHelpStart(day, loaded.case.createdAt);
    const source = day === recorded ? "FAMILY_CONFIRMED" : "FAMILY_CORRECTED";
    await tx.caseEvaluation.update({
      where: { id: evaluation.id },
      data: { helpStartedOn: dateColumn(day), helpStartSource: source, helpStartConfirmedAt: new Date() },
    });
    await writeAudit(tx, actor, {
      action: "case.confirmHelpStart",
      role: loaded.role,
      case: { id: caseId, number, gemeenteId },
      changes: {
        helpStartSource: { old: evaluation.helpStartSource, new: source },
        ...(day === recorded ? {} : { helpStartedOn: { old: recorded, new: day } }),
      },
    });
    // The case's anonymous facts count from the day help really started (decision 026).
    await refreshCaseStatistic(tx, caseId);
  });
  void runSoon(jobQueues.statistics);
}
