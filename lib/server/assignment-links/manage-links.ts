import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AssignmentLinkRef } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import { asActor } from "@/lib/db/acting";
import { findScopedCase, lockCase } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { actingRole } from "@/lib/server/cases/transition";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/server/errors";
import { findCurrentAssignment } from "@/lib/server/monitoring/find-assignment";
import { revokeOpenLinks, sendAssignmentLinks } from "./send-links";

async function loadForLinks(tx: Tx, actor: Actor, input: AssignmentLinkRef) {
  await lockCase(tx, input.caseId);
  const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.manageAssignmentLinks", { id: input.caseId });
  if (!may(heldRoles, "case.manageAssignmentLinks")) throw new ForbiddenError();
  if (found.status === "CLOSED") throw new ConflictError("wrongState");
  // Only an assignment of the decision in force: a superseded one's links stopped with the correction.
  const assignment = await findCurrentAssignment(tx, found, input.assignmentId);
  const ref = { id: found.id, number: found.number, gemeenteId: found.gemeenteId };
  return { found: ref, assignment, role: actingRole(heldRoles, "case.manageAssignmentLinks") };
}

/**
 * Staff stop an organisation's link to its assignment from working, for
 * example when it reached the wrong person. Reports made through it stay.
 * Stopping a link that no longer works changes nothing.
 */
export async function revokeAssignmentLink(actor: Actor, input: AssignmentLinkRef): Promise<void> {
  await asActor(actor, async (tx) => {
    const { found, assignment, role } = await loadForLinks(tx, actor, input);
    const revoked = await revokeOpenLinks(tx, actor, found, [assignment.id], new Date());
    if (revoked.length === 0) return;
    await writeAudit(tx, actor, {
      action: "case.revokeAssignmentLink",
      role,
      case: found,
      changes: { assignmentId: { old: null, new: assignment.id }, linkIds: { old: null, new: revoked.join(",") } },
    });
  });
}

/**
 * Staff send the organisation a new link (the old one expired, was revoked, or
 * the mail got lost): any link that still works stops, and a new one goes to the
 * address in the gemeente's directory now. Only for an open assignment of an
 * organisation that has an address.
 */
export async function resendAssignmentLink(actor: Actor, input: AssignmentLinkRef): Promise<void> {
  await asActor(actor, async (tx) => {
    const { found, assignment, role } = await loadForLinks(tx, actor, input);
    if (assignment.status !== "OPEN") throw new ConflictError("wrongState");
    const now = new Date();
    const revoked = await revokeOpenLinks(tx, actor, found, [assignment.id], now);
    if (revoked.length > 0) {
      await writeAudit(tx, actor, {
        action: "case.revokeAssignmentLink",
        role,
        case: found,
        changes: { assignmentId: { old: null, new: assignment.id }, linkIds: { old: null, new: revoked.join(",") } },
      });
    }
    const sent = await sendAssignmentLinks(tx, actor, role, found, [assignment.id]);
    if (sent === 0) throw new DomainError("organisationWithoutEmail");
  });
}
