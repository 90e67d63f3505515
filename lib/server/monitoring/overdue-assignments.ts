import "server-only";
import { overdueCutoff } from "@/lib/domain/monitoring";
import type { Tx } from "@/lib/db/client";
import { asSystem } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";

export type OverdueAssignmentsResult = {
  /** Assignments the queries returned */
  candidates: number;
  /** Assignments this run marked overdue and escalated */
  overdue: number;
  /** Assignments another worker, or a person settling them, got to first */
  skipped: number;
  /** Assignments whose transaction failed; the next run tries them again */
  failed: number;
};

type Candidate = { id: string; decision: { caseId: string } };

/** Cases in these steps carry out a decision; a closed case has nothing left to chase. */
const followUpStatuses = ["DECIDED", "MONITORING"] as const;

/**
 * Finds open assignments of current decisions whose due day has passed (in
 * Amsterdam) and that were not escalated yet, and escalates each once: it is
 * marked overdue, a staff-only timeline entry and an audit event are written,
 * and the case's assignee and the gemeente's admins are told. Like the case
 * scan (decision 010) any number of workers may run this at once: an
 * assignment is claimed by an update conditional on its level and status, and
 * only the worker whose update matched writes the rest, in that transaction.
 */
export async function scanOverdueAssignments({
  now = new Date(),
  limit = 100,
  maxBatches = 20,
}: { now?: Date; limit?: number; maxBatches?: number } = {}): Promise<OverdueAssignmentsResult> {
  const result: OverdueAssignmentsResult = { candidates: 0, overdue: 0, skipped: 0, failed: 0 };
  const failed = new Set<string>();
  for (let batch = 0; batch < maxBatches; batch += 1) {
    // Matches the index on (status, dueOn, escalationLevel). A failed one is left for the next run.
    const candidates: Candidate[] = await asSystem((tx) => tx.assignment.findMany({
      where: {
        id: { notIn: [...failed] },
        status: "OPEN",
        escalationLevel: 0,
        dueOn: { lt: overdueCutoff(now) },
        decision: { supersededBy: null, case: { status: { in: [...followUpStatuses] } } },
      },
      orderBy: { dueOn: "asc" },
      take: limit,
      select: { id: true, decision: { select: { caseId: true } } },
    }));
    result.candidates += candidates.length;
    for (const found of candidates) {
      try {
        if (await asSystem((tx) => escalate(tx, found, now))) result.overdue += 1;
        else result.skipped += 1;
      } catch (error) {
        // One assignment must not hold up the others; nothing of it was written.
        console.error(`[overdue-assignments] assignment ${found.id}`, error);
        failed.add(found.id);
        result.failed += 1;
      }
    }
    if (candidates.length < limit) break;
  }
  return result;
}

/** Escalates one assignment; false when it no longer is what the scan read. */
async function escalate(tx: Tx, found: Candidate, now: Date): Promise<boolean> {
  // The case first, as every writer that adds rows to a case does; then the case as it is now.
  await lockCase(tx, found.decision.caseId);
  const current = await tx.case.findUnique({
    where: { id: found.decision.caseId },
    select: { id: true, number: true, gemeenteId: true, assigneeId: true, status: true },
  });
  if (!current || !(followUpStatuses as readonly string[]).includes(current.status)) return false;

  // A concurrent scan blocked on the case lock and now matches nothing; so does an assignment settled meanwhile.
  const claimed = await tx.assignment.updateMany({
    where: { id: found.id, status: "OPEN", escalationLevel: 0, decision: { supersededBy: null } },
    data: { escalationLevel: 1, overdueAt: now },
  });
  if (claimed.count !== 1) return false;

  const assignment = await tx.assignment.findUniqueOrThrow({ where: { id: found.id }, select: { party: true, description: true } });
  await tx.timelineEntry.create({
    data: {
      caseId: current.id,
      gemeenteId: current.gemeenteId,
      kind: "assignmentOverdue",
      body: `${assignment.party}: ${assignment.description}`,
      visibleToFamily: false,
      actorId: null,
      actorRole: null,
      createdAt: now,
    },
  });
  await writeAudit(tx, null, {
    action: "case.assignmentOverdue",
    role: null,
    case: { id: current.id, number: current.number, gemeenteId: current.gemeenteId },
    changes: {
      assignmentId: { old: null, new: found.id },
      escalationLevel: { old: 0, new: 1 },
      overdueAt: { old: null, new: now.toISOString() },
    },
  });
  const admins = await staffWithRole(tx, { role: "GEMEENTE_ADMIN", gemeenteId: current.gemeenteId });
  await notifyStaff(tx, [...(current.assigneeId ? [current.assigneeId] : []), ...admins], {
    kind: "assignmentOverdue",
    caseId: current.id,
    caseNumber: current.number,
    gemeenteId: current.gemeenteId,
  });
  return true;
}
