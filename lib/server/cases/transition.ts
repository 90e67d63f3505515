import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { checkAction, RETURN, type CaseActionName, type CaseStatus } from "@/lib/domain/case-machine";
import { deadlineFor } from "@/lib/domain/deadlines";
import { permissions } from "@/lib/domain/permissions";
import type { Changes } from "@/lib/domain/audit";
import type { InterventionKind, TimelineKind } from "@/lib/domain/timeline";
import type { Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import { findScopedCase } from "@/lib/db/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { loadNorms } from "@/lib/server/deadlines/norms";
import { enqueueEmails } from "@/lib/server/notifications/enqueue";
import { refreshCaseStatistic } from "@/lib/server/statistics/case-statistic";
import { ConflictError, ForbiddenError } from "@/lib/server/errors";

type Loaded = Awaited<ReturnType<typeof findScopedCase>>;

/**
 * Loads a case for an action and checks it against the permission table and
 * the state machine. Returns the case, the role the actor acts in, and the
 * state the action leads to.
 */
export async function loadForAction(tx: Tx, actor: Actor, action: CaseActionName, caseId: string) {
  // Scoped by the action's own permission: whoever may not take it on this case gets "not found".
  const loaded = await findScopedCase(tx, actor, action, { id: caseId });
  const verdict = checkAction(action, loaded.case.status, loaded.heldRoles);
  if (!verdict.ok) {
    if (verdict.reason === "forbidden") throw new ForbiddenError();
    throw new ConflictError("wrongState");
  }
  return { ...loaded, role: actingRole(loaded.heldRoles, action), to: verdict.to };
}

export function actingRole(heldRoles: readonly Role[], action: keyof typeof permissions): Role | null {
  const allowed: readonly Role[] = permissions[action];
  return heldRoles.find((r) => allowed.includes(r)) ?? null;
}

/**
 * Applies a checked action to a case: moves it to its next state (with the new
 * deadline), adds the timeline entry and the audit event, and brings the case's
 * statistic up to date, all in the caller's transaction. The update is conditional
 * on the version that was read, so of two people acting at once only one succeeds.
 * Callers make their other changes (a decision, an evaluation, a settled
 * assignment) before this, so that the statistic sees them.
 */
export async function applyAction(
  tx: Tx,
  actor: Actor,
  loaded: Loaded & { role: Role | null; to: CaseStatus | typeof RETURN | null },
  action: CaseActionName,
  effect: {
    data?: Prisma.CaseUncheckedUpdateManyInput;
    /** Where a RETURN action goes back to */
    returnTo?: CaseStatus;
    /** A deadline other than the new state's full norm (a clock that resumes) */
    deadlineAt?: Date | null;
    timeline: { kind: TimelineKind | InterventionKind; body?: string | null; visibleToFamily?: boolean };
    changes?: Record<string, { old: unknown; new: unknown }>;
  },
): Promise<void> {
  const current = loaded.case;
  const now = new Date();
  const target = loaded.to === RETURN ? effect.returnTo : loaded.to;
  if (loaded.to === RETURN && !target) throw new ConflictError("wrongState");
  // A new step starts a new clock: the case is no longer overdue, and escalation starts over.
  const statusData = target
    ? {
        status: target,
        deadlineAt:
          effect.deadlineAt !== undefined ? effect.deadlineAt : deadlineFor(target, now, await loadNorms(tx, current.gemeenteId)),
        overdueAt: null,
        escalationLevel: 0,
      }
    : {};
  const updated = await tx.case.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...effect.data, ...statusData, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new ConflictError();

  await tx.timelineEntry.create({
    data: {
      caseId: current.id,
      gemeenteId: current.gemeenteId,
      kind: effect.timeline.kind,
      body: effect.timeline.body ?? null,
      visibleToFamily: effect.timeline.visibleToFamily ?? true,
      actorId: actor.userId,
      actorRole: loaded.role,
      createdAt: now,
    },
  });
  if (target && target !== current.status) await notifyFamily(tx, current, actor.userId);

  const statusChange: Changes = target && target !== current.status ? { status: { old: current.status, new: target } } : {};
  await writeAudit(tx, actor, {
    action,
    role: loaded.role,
    case: { id: current.id, number: current.number, gemeenteId: current.gemeenteId },
    changes: { ...statusChange, ...effect.changes },
  });
  await refreshCaseStatistic(tx, current.id);
}

/**
 * Everyone on the family side hears that their case moved on (never what),
 * except the person who moved it: on a change of step, and when a binding
 * decision is corrected.
 */
export async function notifyFamily(tx: Tx, current: { id: string; gemeenteId: string }, actorId: string): Promise<void> {
  const parties = await tx.caseParty.findMany({
    where: { caseId: current.id, gemeenteId: current.gemeenteId, email: { not: null }, OR: [{ userId: null }, { userId: { not: actorId } }] },
    select: { email: true },
  });
  await enqueueEmails(tx, parties.flatMap((p) => (p.email ? [p.email] : [])), { template: "case-updated", caseId: current.id, gemeenteId: current.gemeenteId });
}
