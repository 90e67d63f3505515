import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { enqueueEmails, type NotificationTemplate } from "./enqueue";

/** What a staff member is told about. The text comes from the message catalogs; no case content. */
export const staffNotificationKinds = [
  "caseNew",
  "caseAssigned",
  "familyAnswered",
  "caseOverdue",
  "caseEscalated",
  "assignmentReported",
  "assignmentOverdue",
  /** An organisation reported, through its link, that it cannot carry out its task as asked (decision 037) */
  "assignmentProblem",
  /** A case went straight to the region's expert team, because its gemeente does not work with the portal yet */
  "caseRouted",
  /** A cause or kind of organisation blocked enough cases in the person's region this quarter (decision 030); about no case */
  "structuralSignal",
] as const;
export type StaffNotificationKind = (typeof staffNotificationKinds)[number];
/** The notices about one case, each with its e-mail; a structural signal is about a region and stays in the app. */
export type CaseNoticeKind = Exclude<StaffNotificationKind, "structuralSignal">;

/** The e-mail that goes with each staff notice. */
export const staffMailTemplate = {
  caseNew: "case-new",
  caseAssigned: "case-assigned",
  familyAnswered: "family-answered",
  caseOverdue: "case-overdue",
  caseEscalated: "case-overdue",
  assignmentReported: "assignment-reported",
  assignmentOverdue: "assignment-overdue",
  assignmentProblem: "assignment-problem",
  caseRouted: "case-referred",
} as const satisfies Record<CaseNoticeKind, NotificationTemplate>;

export type StaffNotice = {
  kind: CaseNoticeKind;
  caseId: string;
  caseNumber: string;
  gemeenteId: string;
};

/**
 * Tells staff members about a case, in the app and by e-mail, in the caller's
 * transaction. Each user is told once, also when listed twice.
 */
export async function notifyStaff(tx: Tx, userIds: readonly string[], notice: StaffNotice): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.staffNotification.createMany({
    data: unique.map((userId) => ({
      userId,
      kind: notice.kind,
      caseId: notice.caseId,
      caseNumber: notice.caseNumber,
      gemeenteId: notice.gemeenteId,
    })),
  });
  const users = await tx.user.findMany({ where: { id: { in: unique } }, select: { email: true } });
  await enqueueEmails(tx, users.map((user) => user.email), { template: staffMailTemplate[notice.kind], caseId: notice.caseId, gemeenteId: notice.gemeenteId });
}

/** The users who hold `role` in a gemeente or a region. */
export async function staffWithRole(tx: Tx, scope: { role: Role; gemeenteId?: string; regionId?: string }): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { role: scope.role, gemeenteId: scope.gemeenteId, regionId: scope.regionId },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
