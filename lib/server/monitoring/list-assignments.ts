import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";

export type AssignmentReportView = {
  id: string;
  kind: "NOT_DONE" | "RECEIVED" | "DONE" | "PROBLEM";
  note: string;
  doneOn: Date | null;
  createdAt: Date;
  /** A person's name (staff only), or the organisation's for a report through its link */
  reportedBy: string | null;
  /** Made by the organisation through its link (decision 037) */
  byOrganisation: boolean;
};

/** An organisation's link to its assignment, for staff. */
export type AssignmentLinkView = { id: string; email: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null };

/** What the case pages show of an assignment beyond its row in the decision: how it was settled, and the family's reports. */
export type AssignmentFollowUp = {
  statusNote: string | null;
  statusAt: Date | null;
  statusBy: string | null;
  reports: AssignmentReportView[];
  /** When the organisation confirmed through its link that the task arrived */
  receivedAt: Date | null;
  /** Whether the assignment is for an organisation named in the case (which can get a link) */
  forOrganisation: boolean;
  /** The organisation has an e-mail address in the directory now, so a new link can go to it (staff only) */
  organisationReachable: boolean;
  /** Its links, newest first (staff only; empty for the family) */
  links: AssignmentLinkView[];
};

async function followUpOf(actor: Actor, caseId: string, gemeenteId: string, onlyCurrent: boolean, withNames: boolean) {
  const assignments = await asActor(actor, (tx) => tx.assignment.findMany({
    where: { gemeenteId, decision: { caseId, gemeenteId, ...(onlyCurrent ? { supersededBy: null } : {}) } },
    select: {
      id: true,
      statusNote: true,
      statusAt: true,
      statusById: true,
      receivedAt: true,
      party: true,
      caseOrganisationId: true,
      caseOrganisation: { select: { organisation: { select: { email: true } } } },
      reports: {
        where: { caseId, gemeenteId },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, note: true, doneOn: true, createdAt: true, reportedById: true, linkId: true },
      },
      links: withNames
        ? { where: { caseId, gemeenteId }, orderBy: { createdAt: "desc" }, select: { id: true, email: true, createdAt: true, expiresAt: true, revokedAt: true } }
        : false,
    },
  }));
  const userIds = withNames ? [...new Set(assignments.flatMap((a) => [a.statusById, ...a.reports.map((r) => r.reportedById)]))] : [];
  const users = await prisma.user.findMany({ where: { id: { in: userIds.filter((id): id is string => id !== null) } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const name = (id: string | null) => (withNames && id ? (names.get(id) ?? null) : null);
  return new Map<string, AssignmentFollowUp>(
    assignments.map((a) => [
      a.id,
      {
        statusNote: a.statusNote,
        statusAt: a.statusAt,
        // Settled through the organisation's own link: the organisation, by name.
        statusBy: a.statusById ? name(a.statusById) : a.reports.some((r) => r.kind === "DONE" && r.linkId !== null) ? a.party : null,
        reports: a.reports.map((r) => ({
          id: r.id,
          kind: r.kind,
          note: r.note,
          doneOn: r.doneOn,
          createdAt: r.createdAt,
          reportedBy: r.linkId ? a.party : name(r.reportedById),
          byOrganisation: r.linkId !== null,
        })),
        receivedAt: a.receivedAt,
        forOrganisation: a.caseOrganisationId !== null,
        organisationReachable: withNames && Boolean(a.caseOrganisation?.organisation?.email),
        links: a.links ?? [],
      },
    ]),
  );
}

/**
 * For the staff workspace: every assignment of every decision of the case,
 * with who settled it and the family's reports. Scoped like opening the case;
 * the workspace's opening of the case (openCase) is the audited read of this
 * page, so this part of it adds no second event.
 */
export async function staffAssignmentFollowUp(actor: Actor, caseId: string): Promise<Map<string, AssignmentFollowUp>> {
  const { case: found } = await asActor(actor, (tx) => findScopedCase(tx, actor, "case.view", { id: caseId }));
  return followUpOf(actor, found.id, found.gemeenteId, false, true);
}

/**
 * For the family's page: the assignments of the current decision, with the
 * note staff wrote when settling one (written for the family to read) and the
 * reports made on the case. Names of staff are left out, as elsewhere on the page.
 */
export async function familyAssignmentFollowUp(actor: Actor, caseId: string): Promise<Map<string, AssignmentFollowUp>> {
  const { case: found } = await asActor(actor, (tx) => findScopedCase(tx, actor, "case.follow", { id: caseId }));
  return followUpOf(actor, found.id, found.gemeenteId, true, false);
}
