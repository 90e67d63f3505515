import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { caseScope, findScopedCase } from "@/lib/db/scope";
import { availableActions } from "@/lib/domain/case-machine";
import { involvementOf } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import { rolesOnCase } from "@/lib/domain/roles";
import type { TimelineKind } from "@/lib/domain/timeline";
import { NotFoundError } from "@/lib/server/errors";
import { listCaseInvitations } from "@/lib/server/invitations/list-invitations";
import { gemeenteContactSelect } from "@/lib/server/reference/directory";
import { auditCaseRead } from "./audit-read";

/**
 * The cases a parent, youth or professional filed or is a party to, with how
 * they are involved in each. A purged case has no parties left, so it drops
 * out by itself; the purgedAt condition says so out loud.
 *
 * The list shows each case's child, gemeente and status: an access to each
 * case's record as much as opening it is, so each case shown gets its own
 * `case.read` in its own trail (NEN 7513 logs access per record). The family's
 * access log groups a person's reads per day, so the list does not make it
 * noisier. The trail heads are locked in the order of the cases' ids, so two
 * people loading lists with the same cases never wait on each other in a circle.
 */
export async function listMyCases(actor: Actor) {
  return asActor(actor, async (tx) => {
    const cases = await tx.case.findMany({
      where: { AND: [caseScope(actor, "case.follow"), { purgedAt: null }] },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        number: true,
        status: true,
        childName: true,
        createdAt: true,
        deadlineAt: true,
        gemeenteId: true,
        regionId: true,
        referredAt: true,
        gemeente: { select: { name: true, commonName: true } },
        parties: { where: { userId: actor.userId }, select: { role: true } },
        timeline: { where: { kind: "filed" satisfies TimelineKind }, orderBy: { createdAt: "asc" }, take: 1, select: { actorId: true } },
      },
      take: 100,
    });
    for (const c of cases.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const heldRoles = rolesOnCase(actor.userId, actor.memberships, {
        gemeenteId: c.gemeenteId,
        regionId: c.regionId,
        parties: c.parties.map((p) => ({ userId: actor.userId, role: p.role })),
        referred: c.referredAt !== null,
      });
      await auditCaseRead(tx, actor, { case: c, heldRoles, permission: "case.follow" });
    }
    return cases.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      childName: c.childName,
      createdAt: c.createdAt,
      deadlineAt: c.deadlineAt,
      gemeente: c.gemeente,
      involvement: involvementOf(actor.userId, c.timeline[0]?.actorId ?? null, c.parties),
    }));
  });
}

/**
 * The family's view of their case: only what is meant for them (timeline
 * entries marked visible, the decisions and their assignments), never
 * internal notes.
 */
export async function followCase(actor: Actor, number: string) {
  const { heldRoles, detail, questions } = await asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.follow", { number });
    // After the retention period the family's link to the case is gone with its content (decision 014).
    if (found.purgedAt) throw new NotFoundError();
    const detail = await tx.case.findUniqueOrThrow({
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
        childWish: true,
        childWantsToBeHeard: true,
        clientSupporterInvolved: true,
        clientSupporterName: true,
        schoolName: true,
        samenwerkingsverbandName: true,
        leerplichtInformed: true,
        leerplichtInformedOn: true,
        leerplichtExemption: true,
        onderwijsconsulent: true,
        leerplichtConsent: true,
        risks: true,
        gemeente: { select: { ...gemeenteContactSelect, cbsCode: true } },
        /** Who acts while the gemeente does not work with the portal: the region's expert team, or the national fallback */
        routing: true,
        region: { select: { name: true, expertTeam: { select: { name: true, email: true, phone: true } } } },
        timeline: { where: { visibleToFamily: true }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, createdAt: true } },
        // What the expert team did, in the family's view: everything but the internal note.
        interventions: {
          orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
          select: { id: true, type: true, occurredOn: true, participants: true, familyInvolved: true, childInvolved: true, involvementNote: true, outcome: true, nextStep: true },
        },
        // Which organisations the case involves and their part; their contact details stay with staff.
        organisations: { where: { removedAt: null }, orderBy: [{ linkedAt: "asc" }, { id: "asc" }], select: { id: true, kind: true, name: true, part: true } },
        // Of the evaluation, the family sees only the day the help started: to confirm or correct it.
        evaluation: { select: { helpStartedOn: true, helpStartSource: true, helpStartConfirmedAt: true } },
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
    });
    // Every question with its answer: the family keeps seeing what was asked and what they said.
    const questions = await tx.informationRequest.findMany({
      where: { caseId: found.id, gemeenteId: found.gemeenteId },
      orderBy: { askedAt: "desc" },
      select: { id: true, question: true, askedAt: true, askedByRole: true, answer: true, answeredAt: true, withdrawnAt: true, withdrawReason: true },
    });
    // The family side's reads are logged as staff reads are, in the transaction that read.
    await auditCaseRead(tx, actor, { case: found, heldRoles, permission: "case.follow" });
    return { heldRoles, detail, questions };
  });
  // Who is on the case and the invitations, only for those who may invite someone.
  const invitations = may(heldRoles, "case.invite") ? await listCaseInvitations(actor, detail.id) : null;
  // The day help started is asked once, after staff recorded it: otherwise there is nothing to confirm.
  const toConfirm = detail.evaluation?.helpStartedOn != null && detail.evaluation.helpStartSource === "STAFF";
  const actions = availableActions(detail.status, heldRoles).filter((a) => a !== "case.confirmHelpStart" || toConfirm);
  const openQuestion = questions.find((q) => q.answeredAt === null && q.withdrawnAt === null) ?? null;
  const answeredQuestions = questions.filter((q) => q !== openQuestion);
  return { ...detail, openQuestion, answeredQuestions, actions, invitations };
}
