import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CaseStatus } from "@/lib/domain/case-machine";
import type { CaseRoute } from "@/lib/domain/coverage";
import { deadlineFor } from "@/lib/domain/deadlines";
import type { TimelineKind } from "@/lib/domain/timeline";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { loadNorms } from "@/lib/server/deadlines/norms";
import { enqueueEmails } from "@/lib/server/notifications/enqueue";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";
import { readFallback } from "./fallback";

export type RoutableCase = {
  id: string;
  number: string;
  gemeenteId: string;
  regionId: string | null;
  status: CaseStatus;
  routing: CaseRoute;
  filedById: string | null;
  needDescription: string;
};

const timelineOf = {
  GEMEENTE: "routedToGemeente",
  REGION: "routedToRegion",
  FALLBACK: "routedToFallback",
} as const satisfies Record<CaseRoute, TimelineKind>;

/**
 * Hands a case to whoever `route` names, in the caller's transaction, which must be
 * allowed to change the case: at filing, the filer's; when coverage changes, the
 * system's. The region's expert team gets the case as a referral (its question is what
 * the family asked for) and starts at once; the fallback is told by e-mail, and so are
 * the platform admins, who see the case waiting in the coverage view; the gemeente's
 * aanspreekpunten find a new case in their queue, with a fresh first-response norm.
 * The family sees each step in their timeline.
 */
export async function handCaseTo(tx: Tx, actor: Actor | null, c: RoutableCase, route: CaseRoute, now = new Date()): Promise<void> {
  const norms = await loadNorms(tx, c.gemeenteId);
  let status = c.status;
  let deadlineAt: Date | null | undefined;
  if (route === "REGION") {
    if (!c.regionId) throw new Error(`Case ${c.number} has no region to go to`);
    await tx.referral.create({
      data: { caseId: c.id, gemeenteId: c.gemeenteId, regionId: c.regionId, question: c.needDescription, referredById: actor?.userId ?? c.filedById ?? "system", createdAt: now },
    });
    if (status === "SUBMITTED") {
      status = "WITH_EXPERT_TEAM";
      deadlineAt = deadlineFor(status, now, norms);
    }
  } else if (route === "GEMEENTE" && status === "SUBMITTED") {
    deadlineAt = deadlineFor(status, now, norms);
  }
  await tx.case.update({
    where: { id: c.id },
    data: { routing: route, status, ...(deadlineAt !== undefined ? { deadlineAt, overdueAt: null, escalationLevel: 0 } : {}), version: { increment: 1 } },
  });
  await tx.timelineEntry.create({
    data: { caseId: c.id, gemeenteId: c.gemeenteId, kind: timelineOf[route], visibleToFamily: true, createdAt: now },
  });
  await writeAudit(tx, actor, {
    action: "case.route",
    role: null,
    case: { id: c.id, number: c.number, gemeenteId: c.gemeenteId },
    changes: {
      routing: { old: c.routing, new: route },
      ...(status !== c.status ? { status: { old: c.status, new: status } } : {}),
    },
  });
  const notice = { caseId: c.id, caseNumber: c.number, gemeenteId: c.gemeenteId };
  if (route === "REGION") {
    await notifyStaff(tx, await staffWithRole(tx, { role: "EXPERT", regionId: c.regionId! }), { kind: "caseRouted", ...notice });
  } else if (route === "GEMEENTE") {
    await notifyStaff(tx, await staffWithRole(tx, { role: "AANSPREEKPUNT", gemeenteId: c.gemeenteId }), { kind: "caseNew", ...notice });
  } else {
    const fallback = await readFallback(tx);
    const admins = await tx.membership.findMany({ where: { role: "PLATFORM_ADMIN" }, select: { user: { select: { email: true } } } });
    await enqueueEmails(tx, [...(fallback ? [fallback.email] : []), ...admins.map((a) => a.user.email)], {
      template: "case-fallback",
      caseId: c.id,
      gemeenteId: c.gemeenteId,
    });
  }
}
