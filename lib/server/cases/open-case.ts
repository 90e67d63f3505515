import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { availableActions, type CaseActionName } from "@/lib/domain/case-machine";
import { may } from "@/lib/domain/permissions";
import { retentionMonthsOf } from "@/lib/domain/retention";
import type { Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { auditCaseRead } from "./audit-read";
import { directoryOfGemeente } from "@/lib/server/organisations/directory";

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

/** Steps of the timeline shown at once; older ones are a link away. */
export const TIMELINE_PAGE_SIZE = 25;
/** Interventions shown at once; older ones are a link away. */
export const INTERVENTION_PAGE_SIZE = 10;

/** Questions to the family shown at once; older ones are a link away. */
export const QUESTION_PAGE_SIZE = 10;

/** Where the workspace's logs start: the newest, or before a row of that case. */
export type CaseWorkspacePosition = { stepsBefore?: string | null; interventionsBefore?: string | null; questionsBefore?: string | null };

/**
 * One page of rows ordered newest first, before the row `before` (keyset,
 * through Prisma's cursor: the row's own sort values, never an offset). A
 * cursor that is not a row of this case, or one the actor cannot read, gives
 * an empty page. `more` tells whether older rows exist.
 */
function olderPage<T>(rows: T[], size: number): { rows: T[]; more: boolean } {
  return { rows: rows.slice(0, size), more: rows.length > size };
}

function cursorOf(before: string | null | undefined): { cursor?: { id: string }; skip: number } {
  return before ? { cursor: { id: before }, skip: 1 } : { skip: 0 };
}

/**
 * A staff member opens a case in the workspace. The read is audited in the
 * same transaction, and the actions offered come from the state machine and
 * the permission table. A purged case (decision 014) opens as its tombstone:
 * no content is left, and no action is offered.
 */
export async function openCase(actor: Actor, number: string, position: CaseWorkspacePosition = {}) {
  return asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.view", { number });
    const detail = await tx.case.findUniqueOrThrow({
      where: { id: found.id },
      include: {
        gemeente: { select: { name: true, commonName: true, cbsCode: true } },
        region: { select: { name: true, expertTeam: { select: { name: true } } } },
        parties: { orderBy: { createdAt: "asc" } },
        referrals: { orderBy: { createdAt: "asc" } },
        proposals: { orderBy: { createdAt: "asc" } },
        decisions: { orderBy: { createdAt: "asc" }, include: { assignments: { orderBy: { dueOn: "asc" } } } },
        transfers: { orderBy: { createdAt: "asc" } },
        evaluation: true,
        organisations: {
          where: { removedAt: null },
          orderBy: [{ linkedAt: "asc" }, { id: "asc" }],
          include: { organisation: { select: { contactName: true, email: true, phone: true, address: true } } },
        },
      },
    });
    // Counted by the case's id; a relation count (`_count`) would group the whole table first.
    const counts = {
      timeline: await tx.timelineEntry.count({ where: { caseId: found.id } }),
      interventions: await tx.intervention.count({ where: { caseId: found.id } }),
      questions: await tx.informationRequest.count({ where: { caseId: found.id } }),
    };
    // A case can gather thousands of steps over the years: the workspace reads one page of each log.
    const steps = olderPage(
      await tx.timelineEntry.findMany({
        where: { caseId: found.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: TIMELINE_PAGE_SIZE + 1,
        ...cursorOf(position.stepsBefore),
      }),
      TIMELINE_PAGE_SIZE,
    );
    const interventions = olderPage(
      await tx.intervention.findMany({
        where: { caseId: found.id },
        orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
        take: INTERVENTION_PAGE_SIZE + 1,
        ...cursorOf(position.interventionsBefore),
      }),
      INTERVENTION_PAGE_SIZE,
    );
    const questions = olderPage(
      await tx.informationRequest.findMany({
        where: { caseId: found.id },
        orderBy: [{ askedAt: "desc" }, { id: "desc" }],
        take: QUESTION_PAGE_SIZE + 1,
        ...cursorOf(position.questionsBefore),
      }),
      QUESTION_PAGE_SIZE,
    );
    const names = await userNames(tx, [
      detail.assigneeId,
      ...steps.rows.map((t) => t.actorId),
      ...detail.proposals.map((p) => p.proposedById),
      ...detail.decisions.map((d) => d.decidedById),
      ...interventions.rows.map((i) => i.loggedById),
      ...questions.rows.flatMap((q) => [q.askedById, q.withdrawnById]),
      ...detail.transfers.map((t) => t.transferredById),
      detail.evaluation?.createdById ?? null,
      detail.evaluation?.updatedById ?? null,
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
    // What can be named in the case: the active entries of its gemeente's directory and its region's (decisions 034, 039).
    const directory = actions.includes("case.linkOrganisation")
      ? await tx.organisation.findMany({
          where: { archivedAt: null, ...directoryOfGemeente(detail.gemeenteId, detail.regionId) },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          select: { id: true, name: true, kind: true, sector: true },
        })
      : [];
    const transferGemeenten = detail.transfers.length === 0 ? [] : await tx.gemeente.findMany({
      where: { id: { in: detail.transfers.flatMap((t) => [t.fromGemeenteId, t.toGemeenteId]) } },
      select: { id: true, cbsCode: true, name: true, commonName: true },
    });
    await auditCaseRead(tx, actor, { case: found, heldRoles, permission: "case.view" });
    const latestProposal = detail.proposals.at(-1) ?? null;
    return {
      case: {
        ...detail,
        /** One page of the timeline, oldest first within the page */
        timeline: steps.rows.toReversed(),
        /** One page of the intervention log, oldest first within the page */
        interventions: interventions.rows.toReversed(),
        /** One page of the questions to the family, oldest first within the page */
        informationRequests: questions.rows.toReversed(),
      },
      /** Paging of the logs: totals, and whether older rows exist before this page */
      logs: {
        steps: { total: counts.timeline, more: steps.more, paged: Boolean(position.stepsBefore) },
        interventions: { total: counts.interventions, more: interventions.more, paged: Boolean(position.interventionsBefore) },
        questions: { total: counts.questions, more: questions.more, paged: Boolean(position.questionsBefore) },
      },
      /** When and after which period the case's content was removed; null while it is there */
      purged,
      names,
      actions,
      colleagues,
      directory,
      /** The gemeenten in the transfer history, by id */
      transferGemeenten: new Map(transferGemeenten.map((g) => [g.id, { name: g.commonName ?? g.name, cbsCode: g.cbsCode }])),
      canReadAudit: may(heldRoles, "audit.read"),
      /** Staff who send each party its own copy of the decision */
      canSendPartyLetters: may(heldRoles, "case.partyLetter"),
      canManageAssignmentLinks: may(heldRoles, "case.manageAssignmentLinks"),
      /** The decision form is offered only to someone other than the proposer (four eyes). */
      proposerIsActor: latestProposal?.proposedById === actor.userId,
      latestProposal,
    };
  });
}
