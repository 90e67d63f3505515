import "server-only";
import { openStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import { expertLevelCutoff, MAX_ESCALATION_LEVEL, targetEscalationLevel, type EscalationLevel } from "@/lib/domain/escalation";
import type { Tx } from "@/lib/db/client";
import { asSystem } from "@/lib/db/acting";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";

export type OverdueScanResult = {
  /** Cases the query returned */
  candidates: number;
  /** Cases this run raised to level 1 */
  overdue: number;
  /** Cases this run raised to level 2 */
  escalated: number;
  /** Cases another worker, or a person moving the case on, got to first */
  skipped: number;
  /** Cases whose transaction failed; the next run tries them again */
  failed: number;
};

type Candidate = {
  id: string;
  number: string;
  gemeenteId: string;
  regionId: string | null;
  status: CaseStatus;
  deadlineAt: Date | null;
  escalationLevel: number;
  assigneeId: string | null;
  gemeente: { regionId: string | null };
};

/**
 * Finds open cases past their deadline whose escalation level is lower than
 * the rule in lib/domain/escalation.ts says, and raises each. Any number of
 * workers may run this at once: a case is raised by a conditional update, and
 * only the worker whose update matched writes the timeline entry, the audit
 * event and the notifications, in the same transaction.
 */
export async function runOverdueScan({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}): Promise<OverdueScanResult> {
  // Matches the index on (status, deadlineAt, escalationLevel) and returns only cases that are due for a
  // higher level, so a batch is never filled with cases that wait. A stopped clock has no deadline.
  const candidates: Candidate[] = await asSystem((tx) => tx.case.findMany({
    where: {
      status: { in: openStatuses },
      OR: [
        { escalationLevel: 0, deadlineAt: { lt: now } },
        { escalationLevel: { gt: 0, lt: MAX_ESCALATION_LEVEL }, deadlineAt: { lt: expertLevelCutoff(now) } },
      ],
    },
    orderBy: { deadlineAt: "asc" },
    take: limit,
    select: {
      id: true,
      number: true,
      gemeenteId: true,
      regionId: true,
      status: true,
      deadlineAt: true,
      escalationLevel: true,
      assigneeId: true,
      gemeente: { select: { regionId: true } },
    },
  }));

  const result: OverdueScanResult = { candidates: candidates.length, overdue: 0, escalated: 0, skipped: 0, failed: 0 };
  for (const found of candidates) {
    const target = targetEscalationLevel(found.deadlineAt, now, found.escalationLevel);
    if (target <= found.escalationLevel) continue;
    let raised: boolean;
    try {
      raised = await asSystem((tx) => raise(tx, found, target, now));
    } catch (error) {
      // One case must not hold up the others; nothing of it was written.
      console.error(`[overdue-scan] case ${found.id}`, error);
      result.failed += 1;
      continue;
    }
    if (!raised) result.skipped += 1;
    else if (target === 1) result.overdue += 1;
    else result.escalated += 1;
  }
  return result;
}

/** Raises one case to `target`; false when its row no longer is what the scan read. */
async function raise(tx: Tx, found: Candidate, target: EscalationLevel, now: Date): Promise<boolean> {
  // A concurrent scan blocks on the row lock here and then sees the new level; a
  // person who moved the case on changed its status or deadline. Either way: no match.
  const claimed = await tx.case.updateMany({
    where: { id: found.id, escalationLevel: found.escalationLevel, status: found.status, deadlineAt: found.deadlineAt },
    data: { escalationLevel: target, ...(found.escalationLevel === 0 ? { overdueAt: now } : {}) },
  });
  if (claimed.count !== 1) return false;

  // A case the scan missed for a while may go from 0 to 2 at once: it gets both steps.
  for (let level = found.escalationLevel + 1; level <= target; level += 1) {
    await recordStep(tx, found, level === 1 ? 1 : 2, now);
  }
  await writeAudit(tx, null, {
    action: target === 1 ? "case.overdue" : "case.escalate",
    role: null,
    case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
    changes: {
      escalationLevel: { old: found.escalationLevel, new: target },
      ...(found.escalationLevel === 0 ? { overdueAt: { old: null, new: now.toISOString() } } : {}),
    },
  });
  return true;
}

async function recordStep(tx: Tx, found: Candidate, level: 1 | 2, now: Date): Promise<void> {
  await tx.timelineEntry.create({
    data: {
      caseId: found.id,
      gemeenteId: found.gemeenteId,
      kind: level === 1 ? "overdue" : "escalated",
      visibleToFamily: false,
      actorId: null,
      actorRole: null,
      createdAt: now,
    },
  });
  const admins = await staffWithRole(tx, { role: "GEMEENTE_ADMIN", gemeenteId: found.gemeenteId });
  const notice = { caseId: found.id, caseNumber: found.number, gemeenteId: found.gemeenteId };
  if (level === 1) {
    await notifyStaff(tx, [...(found.assigneeId ? [found.assigneeId] : []), ...admins], { ...notice, kind: "caseOverdue" });
    return;
  }
  const regionId = found.regionId ?? found.gemeente.regionId;
  const experts = regionId ? await staffWithRole(tx, { role: "EXPERT", regionId }) : [];
  await notifyStaff(tx, [...experts, ...admins], { ...notice, kind: "caseEscalated" });
}
