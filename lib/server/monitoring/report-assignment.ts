import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ReportAssignmentInput } from "@/lib/domain/inputs";
import { asActor } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import { applyAction, loadForAction } from "@/lib/server/cases/transition";
import { notifyStaff, staffWithRole } from "@/lib/server/notifications/staff";
import { findCurrentAssignment } from "./find-assignment";

/**
 * A parent, youth or professional on the case says an assignment of the
 * current decision was not carried out. The report is kept with the
 * assignment, and the person who holds the case (or, when nobody does, every
 * aanspreekpunt of the gemeente) is told.
 */
export async function reportAssignment(actor: Actor, input: ReportAssignmentInput): Promise<{ reportId: string }> {
  return asActor(actor, async (tx) => {
    await lockCase(tx, input.caseId);
    const loaded = await loadForAction(tx, actor, "case.reportAssignment", input.caseId);
    const assignment = await findCurrentAssignment(tx, loaded.case, input.assignmentId);
    const { id: caseId, number: caseNumber, gemeenteId, assigneeId } = loaded.case;
    const report = await tx.assignmentReport.create({
      data: { assignmentId: assignment.id, caseId, gemeenteId, note: input.reportNote, reportedById: actor.userId },
      select: { id: true },
    });
    await applyAction(tx, actor, loaded, "case.reportAssignment", {
      timeline: { kind: "assignmentReported", body: `${assignment.party}: ${assignment.description}\n\n${input.reportNote}`, visibleToFamily: true },
      changes: { assignmentId: { old: null, new: assignment.id }, reportId: { old: null, new: report.id } },
    });
    const recipients = assigneeId ? [assigneeId] : await staffWithRole(tx, { role: "AANSPREEKPUNT", gemeenteId });
    await notifyStaff(tx, recipients, { kind: "assignmentReported", caseId, caseNumber, gemeenteId });
    return { reportId: report.id };
  });
}
