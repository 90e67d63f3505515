import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { caseScope } from "@/lib/db/scope";
import { procesregieStep, type ProcesregieStep } from "@/lib/domain/procesregie";

/**
 * The procesregie step of each case on one page of the expert team's queue.
 * Starts from the region queue's own scope, so an id the actor may not see
 * simply has no answer.
 */
export async function listProcesregieSteps(actor: Actor, caseIds: readonly string[]): Promise<Map<string, ProcesregieStep | null>> {
  if (caseIds.length === 0) return new Map();
  const { cases, intervened } = await asActor(actor, async (tx) => {
    const cases = await tx.case.findMany({
      where: { AND: [{ id: { in: [...caseIds] } }, caseScope(actor, "queue.region")] },
      select: { id: true, status: true, referredAt: true, decisions: { select: { assignments: { select: { status: true } } } } },
    });
    // Which of these cases have an intervention, by their own ids (a relation count would
    // group the whole table first).
    const interventions = await tx.intervention.findMany({
      where: { caseId: { in: cases.map((c) => c.id) } },
      select: { caseId: true },
      distinct: ["caseId"],
    });
    return { cases, intervened: new Set(interventions.map((i) => i.caseId)) };
  });
  return new Map(
    cases.map((c) => [
      c.id,
      procesregieStep({
        status: c.status,
        referred: c.referredAt !== null,
        hasInterventions: intervened.has(c.id),
        assignmentStatuses: c.decisions.flatMap((d) => d.assignments.map((a) => a.status)),
      }),
    ]),
  );
}
