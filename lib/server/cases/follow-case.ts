import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { caseScope, findScopedCase } from "@/lib/db/scope";
import { availableActions } from "@/lib/domain/case-machine";
import { involvementOf } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import type { TimelineKind } from "@/lib/domain/timeline";
import { NotFoundError } from "@/lib/server/errors";
import { listCaseInvitations } from "@/lib/server/invitations/list-invitations";

/**
 * The cases a parent, youth or professional filed or is a party to, with how
 * they are involved in each. A purged case has no parties left, so it drops
 * out by itself; the purgedAt condition says so out loud.
 */
export async function listMyCases(actor: Actor) {
  const cases = await asActor(actor, (tx) => tx.case.findMany({
    where: { AND: [caseScope(actor, "case.follow"), { purgedAt: null }] },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      childName: true,
      createdAt: true,
      deadlineAt: true,
      gemeente: { select: { name: true } },
      parties: { where: { userId: actor.userId }, select: { role: true } },
      timeline: { where: { kind: "filed" satisfies TimelineKind }, orderBy: { createdAt: "asc" }, take: 1, select: { actorId: true } },
    },
    take: 100,
  }));
  return cases.map(({ parties, timeline, ...c }) => ({ ...c, involvement: involvementOf(actor.userId, timeline[0]?.actorId ?? null, parties) }));
}

/**
 * The family's view of their case: only what is meant for them (timeline
 * entries marked visible, the decisions and their assignments), never
 * internal notes.
 */
export async function followCase(actor: Actor, number: string) {
  const { case: found, heldRoles } = await asActor(actor, (tx) => findScopedCase(tx, actor, "case.follow", { number }));
  // After the retention period the family's link to the case is gone with its content (decision 014).
  if (found.purgedAt) throw new NotFoundError();
  const detail = await asActor(actor, (tx) => tx.case.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      number: true,
      status: true,
      result: true,
      /** Why the case was closed, and for "not admissible" where to complain: written for the family */
      closingNote: true,
      childName: true,
      createdAt: true,
      deadlineAt: true,
      domains: true,
      urgency: true,
      childBirthDate: true,
      schoolSituation: true,
      outOfSchoolSince: true,
      stuckSince: true,
      stuckDescription: true,
      refusedBy: true,
      triedDescription: true,
      needDescription: true,
      risks: true,
      gemeente: { select: { name: true, commonName: true, cbsCode: true, contactName: true, contactEmail: true, contactPhone: true, contactHours: true } },
      /** Who acts while the gemeente does not work with the portal: the region's expert team, or the national fallback */
      routing: true,
      region: { select: { name: true, expertTeam: { select: { name: true, email: true, phone: true } } } },
      timeline: { where: { visibleToFamily: true }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, createdAt: true } },
      // What the expert team did, in the family's view: everything but the internal note.
      interventions: {
        orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, type: true, occurredOn: true, participants: true, familyInvolved: true, childInvolved: true, involvementNote: true, outcome: true, nextStep: true },
      },
      // A corrected decision stays in view, marked as replaced, so the family can see what changed.
      decisions: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          createdAt: true,
          supersedesId: true,
          supersededBy: { select: { createdAt: true } },
          legalBasis: true,
          rationale: true,
          assignments: { orderBy: { dueOn: "asc" }, select: { id: true, party: true, description: true, dueOn: true, payer: true, status: true } },
        },
      },
    },
  }));
  const openQuestion = await asActor(actor, (tx) => tx.informationRequest.findFirst({
    where: { caseId: found.id, gemeenteId: found.gemeenteId, answeredAt: null },
    orderBy: { askedAt: "desc" },
    select: { question: true, askedAt: true },
  }));
  // Who is on the case and the invitations, only for those who may invite someone.
  const invitations = may(heldRoles, "case.invite") ? await listCaseInvitations(actor, found.id) : null;
  return { ...detail, openQuestion, actions: availableActions(detail.status, heldRoles), invitations };
}
