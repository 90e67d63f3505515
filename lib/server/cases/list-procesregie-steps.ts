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
  const cases = await asActor(actor, (tx) => tx.case.findMany({
    where: { AND: [{ id: { in: [...caseIds] } }, caseScope(actor, "queue.region")] },
    select: {
      id: true,
      status: true,
      _count: { select: { referrals: true, interventions: true } },
      decisions: { select: { assignments: { select: { status: true } } } },
    },
  }));
  return new Map(
    cases.map((c) => [
      c.id,
      procesregieStep({
        status: c.status,
        referred: c._count.referrals > 0,
        hasInterventions: c._count.interventions > 0,
        assignmentStatuses: c.decisions.flatMap((d) => d.assignments.map((a) => a.status)),
      }),
    ]),
  );
}
