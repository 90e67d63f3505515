import "server-only";
import type { RequestMeta } from "@/lib/auth/actor";
import { linkState, mayReport, type LinkState, type OrganisationReportKind } from "@/lib/domain/assignment-links";
import type { OrganisationReportInput } from "@/lib/domain/inputs";
import { hashInvitationToken, isWellFormedToken } from "@/lib/domain/invitations";
import type { AssignmentStatus } from "@/lib/domain/monitoring";
import { asSystem } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { letterInForce } from "@/lib/server/decisions/decision-letter";
import { partyLetterContent } from "@/lib/server/decisions/letter-content";
import { renderDecisionLetter } from "@/lib/server/decisions/render-letter";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";
import { refreshCaseStatistic } from "@/lib/server/statistics/case-statistic";

/**
 * The link is the key to one assignment (decision 037). Its holder has no
 * account and no role, so these services do not run in a person's scope: they
 * find the link by its hash in the system's scope and then read and write only
 * that link's assignment, its decision's legal basis and the case's gemeente.
 * Nothing else of the case is read, and every use is audited in the name of
 * the organisation.
 */

export type OrganisationReportView = { kind: OrganisationReportKind | "NOT_DONE"; note: string; doneOn: Date | null; createdAt: Date };

export type AssignmentTaskView = {
  state: "open";
  organisation: string;
  gemeente: { name: string; email: string | null; phone: string | null };
  caseNumber: string;
  childName: string;
  /** The case is closed: the task can be read, nothing reported */
  caseClosed: boolean;
  decidedAt: Date;
  legalBasis: string;
  assignment: { description: string; dueOn: Date; payer: string; status: AssignmentStatus; receivedAt: Date | null };
  /** The organisation's own reports through its links, oldest first */
  reports: OrganisationReportView[];
  expiresAt: Date;
};

/** A link that no longer works shows a page that says so, the same for expired and revoked; an unknown link is "not found". */
export type AssignmentLinkView = AssignmentTaskView | { state: Exclude<LinkState, "open"> };

async function findLink(tx: Tx, token: string) {
  if (!isWellFormedToken(token)) throw new NotFoundError();
  const link = await tx.assignmentLink.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      assignment: {
        select: {
          id: true,
          gemeenteId: true,
          party: true,
          description: true,
          dueOn: true,
          payer: true,
          status: true,
          receivedAt: true,
          decision: { select: { id: true, createdAt: true, legalBasis: true, supersededBy: { select: { id: true } } } },
          caseOrganisation: { select: { name: true } },
        },
      },
      caseId: true,
    },
  });
  if (!link) throw new NotFoundError();
  const found = await tx.case.findUniqueOrThrow({
    where: { id: link.caseId },
    select: { id: true, number: true, gemeenteId: true, childName: true, status: true, purgedAt: true },
  });
  // A superseded decision's links were revoked with the correction; a purged case has nothing left to show.
  const state = found.purgedAt || link.assignment.decision.supersededBy ? "revoked" : linkState(link, new Date());
  return { link, found, state, organisation: link.assignment.caseOrganisation?.name ?? link.assignment.party };
}

function caseRef(found: { id: string; number: string; gemeenteId: string }) {
  return { id: found.id, number: found.number, gemeenteId: found.gemeenteId };
}

/** The organisation opens the page of its task. Every opening of a working link is audited. */
export async function openAssignmentLink(token: string, request: RequestMeta): Promise<AssignmentLinkView> {
  return asSystem(async (tx) => {
    const { link, found, state, organisation } = await findLink(tx, token);
    if (state !== "open") return { state };
    const a = link.assignment;
    const [gemeente, reports] = await Promise.all([
      tx.gemeente.findUniqueOrThrow({ where: { id: found.gemeenteId }, select: { name: true, commonName: true, contactEmail: true, contactPhone: true } }),
      tx.assignmentReport.findMany({
        where: { assignmentId: a.id, gemeenteId: found.gemeenteId, linkId: { not: null } },
        orderBy: { createdAt: "asc" },
        select: { kind: true, note: true, doneOn: true, createdAt: true },
      }),
    ]);
    await writeAudit(tx, null, {
      action: "case.openAssignmentLink",
      role: null,
      case: caseRef(found),
      linkHolder: { organisation, request },
      changes: { assignmentId: { old: null, new: a.id }, linkId: { old: null, new: link.id } },
    });
    return {
      state: "open",
      organisation,
      gemeente: { name: gemeente.commonName ?? gemeente.name, email: gemeente.contactEmail, phone: gemeente.contactPhone },
      caseNumber: found.number,
      childName: found.childName,
      caseClosed: found.status === "CLOSED",
      decidedAt: a.decision.createdAt,
      legalBasis: a.decision.legalBasis,
      assignment: { description: a.description, dueOn: a.dueOn, payer: a.payer, status: a.status, receivedAt: a.receivedAt },
      reports,
      expiresAt: link.expiresAt,
    };
  });
}

/** The organisation's copy of the decision letter, with only its own assignment; audited like opening the page. */
export async function assignmentLinkLetter(token: string, request: RequestMeta): Promise<{ fileName: string; pdf: Uint8Array }> {
  return asSystem(async (tx) => {
    const { link, found, state, organisation } = await findLink(tx, token);
    if (state !== "open") throw new NotFoundError();
    const { decision, letter } = await letterInForce(tx, found);
    const own = letter.assignments[decision.assignments.findIndex((a) => a.id === link.assignment.id)];
    if (!own) throw new NotFoundError();
    const pdf = await renderDecisionLetter(letter, partyLetterContent(letter, own));
    await writeAudit(tx, null, {
      action: "case.openAssignmentLink",
      role: null,
      case: caseRef(found),
      linkHolder: { organisation, request },
      changes: { assignmentId: { old: null, new: link.assignment.id }, linkId: { old: null, new: link.id }, letter: { old: null, new: true } },
    });
    return { fileName: `besluit-${found.number}-opdracht.pdf`, pdf };
  });
}

const timelineKind = { RECEIVED: "organisationReceived", DONE: "organisationDone", PROBLEM: "organisationProblem" } as const;

/**
 * The organisation reports through its link: the task arrived (once), it is
 * done on a day (the assignment is then done, and leaves the follow-up of open
 * and overdue assignments), or it cannot be done as asked (the assignment stays
 * open and the person who holds the case is told). Staff and the family see each
 * report in the case's timeline.
 */
export async function reportThroughLink(token: string, request: RequestMeta, input: OrganisationReportInput): Promise<void> {
  await asSystem(async (tx) => {
    const first = await findLink(tx, token);
    if (first.state !== "open") throw new NotFoundError();
    // One change at a time: staff settling the assignment, revoking the link or correcting the
    // decision lock the case first too. What was read before the lock is read again after it.
    await lockCase(tx, first.found.id);
    const { link, found, state, organisation } = await findLink(tx, token);
    if (state !== "open") throw new NotFoundError();
    const a = await tx.assignment.findUniqueOrThrow({ where: { id: link.assignment.id }, select: { id: true, status: true, receivedAt: true, description: true } });
    if (!mayReport(input.kind, a, found.status === "CLOSED")) throw new ConflictError("wrongState");

    const now = new Date();
    const note = input.kind === "RECEIVED" ? "" : input.reportNote;
    const doneOn = input.kind === "DONE" ? new Date(`${input.doneOn}T00:00:00Z`) : null;
    const report = await tx.assignmentReport.create({
      data: { assignmentId: a.id, caseId: found.id, gemeenteId: found.gemeenteId, kind: input.kind, note, doneOn, linkId: link.id, createdAt: now },
      select: { id: true },
    });
    // Receiving counts from the first report of any kind: "done" says it arrived too.
    const received = a.receivedAt ?? now;
    const settled =
      input.kind === "DONE"
        ? { status: "DONE" as const, statusNote: input.reportNote, statusAt: now, statusById: null, overdueAt: null }
        : {};
    await tx.assignment.update({ where: { id: a.id }, data: { receivedAt: received, ...settled } });

    const body = [`${organisation}: ${a.description}`, note].filter((part) => part !== "").join("\n\n");
    await tx.timelineEntry.create({
      data: { caseId: found.id, gemeenteId: found.gemeenteId, kind: timelineKind[input.kind], body, visibleToFamily: true, actorId: null, actorRole: null, createdAt: now },
    });
    await writeAudit(tx, null, {
      action: "case.organisationReport",
      role: null,
      case: caseRef(found),
      linkHolder: { organisation, request },
      changes: {
        assignmentId: { old: null, new: a.id },
        linkId: { old: null, new: link.id },
        reportId: { old: null, new: report.id },
        kind: { old: null, new: input.kind },
        ...(input.kind === "DONE" ? { assignmentStatus: { old: a.status, new: "DONE" }, doneOn: { old: null, new: input.doneOn } } : {}),
      },
    });
    if (input.kind === "PROBLEM") {
      const holder = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { assigneeId: true } });
      const recipients = holder.assigneeId ? [holder.assigneeId] : await staffWithRole(tx, { role: "AANSPREEKPUNT", gemeenteId: found.gemeenteId });
      await notifyStaff(tx, recipients, { kind: "assignmentProblem", caseId: found.id, caseNumber: found.number, gemeenteId: found.gemeenteId });
    }
    await refreshCaseStatistic(tx, found.id);
  });
}
