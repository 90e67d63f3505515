import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { availableActions, type CaseActionName } from "@/lib/domain/case-machine";
import { may } from "@/lib/domain/permissions";
import { retentionMonthsOf } from "@/lib/domain/retention";
import type { Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "./transition";

async function userNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The period after which a purged case lost its content, as the retention job recorded it then. */
async function purgedAfterMonths(tx: Tx, caseId: string, gemeenteId: string): Promise<number> {
  const purge = await tx.auditEvent.findFirst({
    where: { caseId, action: "case.purge" },
    orderBy: { occurredAt: "desc" },
    select: { changes: true },
  });
  const recorded = (purge?.changes as { retentionMonths?: { new?: unknown } } | null)?.retentionMonths?.new;
  if (typeof recorded === "number") return recorded;
  const gemeente = await tx.gemeente.findUnique({ where: { id: gemeenteId }, select: { retentionMonths: true } });
  return retentionMonthsOf(gemeente?.retentionMonths);
}

/**
 * A staff member opens a case in the workspace. The read is audited in the
 * same transaction, and the actions offered come from the state machine and
 * the permission table. A purged case (decision 014) opens as its tombstone:
 * no content is left, and no action is offered.
 */
export async function openCase(actor: Actor, number: string) {
  return asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.view", { number });
    const detail = await tx.case.findUniqueOrThrow({
      where: { id: found.id },
      include: {
        gemeente: { select: { name: true, commonName: true, cbsCode: true } },
        region: { select: { name: true, expertTeam: { select: { name: true } } } },
        parties: { orderBy: { createdAt: "asc" } },
        timeline: { orderBy: { createdAt: "asc" } },
        referrals: { orderBy: { createdAt: "asc" } },
        informationRequests: { orderBy: { askedAt: "asc" } },
        interventions: { orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }] },
        proposals: { orderBy: { createdAt: "asc" } },
        decisions: { orderBy: { createdAt: "asc" }, include: { assignments: { orderBy: { dueOn: "asc" } } } },
        transfers: { orderBy: { createdAt: "asc" } },
        evaluation: true,
      },
    });
    const names = await userNames(tx, [
      detail.assigneeId,
      ...detail.timeline.map((t) => t.actorId),
      ...detail.proposals.map((p) => p.proposedById),
      ...detail.decisions.map((d) => d.decidedById),
      ...detail.interventions.map((i) => i.loggedById),
      ...detail.transfers.map((t) => t.transferredById),
      detail.evaluation?.createdById ?? null,
    ]);
    const purged = detail.purgedAt
      ? { purgedAt: detail.purgedAt, retentionMonths: await purgedAfterMonths(tx, detail.id, detail.gemeenteId) }
      : null;
    const actions: CaseActionName[] = purged ? [] : availableActions(detail.status, heldRoles);
    // Whom the case can be handed to: the aanspreekpunten of the case's own gemeente.
    const colleagues = actions.includes("case.assign")
      ? await tx.user.findMany({
          where: { memberships: { some: { role: "AANSPREEKPUNT", gemeenteId: detail.gemeenteId } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [];
    const transferGemeenten = await tx.gemeente.findMany({
      where: { id: { in: detail.transfers.flatMap((t) => [t.fromGemeenteId, t.toGemeenteId]) } },
      select: { id: true, cbsCode: true, name: true, commonName: true },
    });
    await writeAudit(tx, actor, {
      action: "case.read",
      role: actingRole(heldRoles, "case.view"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
    });
    const latestProposal = detail.proposals.at(-1) ?? null;
    return {
      case: detail,
      /** When and after which period the case's content was removed; null while it is there */
      purged,
      names,
      actions,
      colleagues,
      /** The gemeenten in the transfer history, by id */
      transferGemeenten: new Map(transferGemeenten.map((g) => [g.id, { name: g.commonName ?? g.name, cbsCode: g.cbsCode }])),
      canReadAudit: may(heldRoles, "audit.read"),
      /** The decision form is offered only to someone other than the proposer (four eyes). */
      proposerIsActor: latestProposal?.proposedById === actor.userId,
      latestProposal,
    };
  });
}
