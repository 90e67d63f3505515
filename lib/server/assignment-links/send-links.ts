import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { linkExpiresAt } from "@/lib/domain/assignment-links";
import type { AssignmentInput } from "@/lib/domain/inputs";
import { hashInvitationToken } from "@/lib/domain/invitations";
import type { Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";
import { enqueueEmail } from "@/lib/server/notifications/enqueue";
import { assignmentLinkToken } from "./link-mail";

type CaseRef = { id: string; number: string; gemeenteId: string };

/**
 * The rows of a decision's assignments, in the case's gemeente. An assignment
 * for an organisation named in the case takes that organisation's name as its
 * party; an organisation that is not (or no longer) on this case is refused at
 * its field. A due day is stored as midnight UTC of that day.
 */
export async function assignmentRows(tx: Tx, found: CaseRef, assignments: readonly AssignmentInput[]) {
  const ids = [...new Set(assignments.flatMap((a) => (a.caseOrganisationId ? [a.caseOrganisationId] : [])))];
  const named = await tx.caseOrganisation.findMany({
    where: { id: { in: ids }, caseId: found.id, gemeenteId: found.gemeenteId, removedAt: null },
    select: { id: true, name: true },
  });
  const nameOf = new Map(named.map((o) => [o.id, o.name]));
  const fieldErrors: Record<string, string> = {};
  const rows = assignments.map((a, i) => {
    const organisationName = a.caseOrganisationId ? nameOf.get(a.caseOrganisationId) : undefined;
    if (a.caseOrganisationId && organisationName === undefined) fieldErrors[`assignments.${i}.caseOrganisationId`] = "invalid";
    return {
      gemeenteId: found.gemeenteId,
      caseOrganisationId: a.caseOrganisationId ?? null,
      party: organisationName ?? a.party ?? "",
      description: a.description,
      dueOn: new Date(`${a.dueOn}T00:00:00Z`),
      payer: a.payer,
    };
  });
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("checkFields", fieldErrors);
  return rows;
}

/**
 * Sends each organisation with an assignment its own link (decision 037): one
 * mail without case content, enqueued in the caller's transaction, and one
 * audited link per assignment. An organisation without an e-mail address in the
 * gemeente's directory gets no link; staff see that on the case and hand the
 * party's letter over themselves.
 */
export async function sendAssignmentLinks(
  tx: Tx,
  actor: Actor,
  role: Role | null,
  found: CaseRef,
  assignmentIds: readonly string[],
): Promise<number> {
  const assignments = await tx.assignment.findMany({
    where: { id: { in: [...assignmentIds] }, gemeenteId: found.gemeenteId, status: "OPEN", caseOrganisationId: { not: null } },
    select: { id: true, dueOn: true, caseOrganisation: { select: { organisation: { select: { email: true } } } } },
  });
  const now = new Date();
  let sent = 0;
  for (const a of assignments) {
    const email = a.caseOrganisation?.organisation?.email;
    if (!email) continue;
    const message = await enqueueEmail(tx, { recipient: email, template: "assignment-task", caseId: found.id, gemeenteId: found.gemeenteId });
    const link = await tx.assignmentLink.create({
      data: {
        assignmentId: a.id,
        caseId: found.id,
        gemeenteId: found.gemeenteId,
        email,
        tokenHash: hashInvitationToken(assignmentLinkToken(message.id)),
        sentById: actor.userId,
        createdAt: now,
        expiresAt: linkExpiresAt(now, a.dueOn),
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "case.sendAssignmentLink",
      role,
      case: found,
      changes: { assignmentId: { old: null, new: a.id }, linkId: { old: null, new: link.id }, email: { old: null, new: email } },
    });
    sent += 1;
  }
  return sent;
}

/** Every link of these assignments that still works stops working: the assignment was superseded, or a new link replaces it. */
export async function revokeOpenLinks(tx: Tx, actor: Actor, found: CaseRef, assignmentIds: readonly string[], now: Date): Promise<string[]> {
  const open = await tx.assignmentLink.findMany({
    where: { assignmentId: { in: [...assignmentIds] }, caseId: found.id, gemeenteId: found.gemeenteId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  if (open.length === 0) return [];
  await tx.assignmentLink.updateMany({
    where: { id: { in: open.map((l) => l.id) }, revokedAt: null },
    data: { revokedAt: now, revokedById: actor.userId },
  });
  return open.map((l) => l.id);
}
