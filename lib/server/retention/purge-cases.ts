import { noSchoolFacts } from "@/lib/domain/school-facts";
import "server-only";
import { closedOnOrBefore, isPurgeDue, retentionMonthsOf } from "@/lib/domain/retention";
import { prisma, type Tx } from "@/lib/db/client";
import { asSystem } from "@/lib/db/acting";
import { lockCase } from "@/lib/db/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { refreshCaseStatistic } from "@/lib/server/statistics/case-statistic";

export type PurgeResult = {
  /** Cases the queries returned */
  candidates: number;
  /** Cases whose content this run removed */
  purged: number;
  /** Cases another worker purged first, or that were no longer due when locked */
  skipped: number;
  /** Cases whose transaction failed; the next run tries them again */
  failed: number;
};

/** What the removal took away, per kind, as recorded in the audit event. */
export type PurgeCounts = {
  parties: number;
  timelineEntries: number;
  documents: number;
  informationRequests: number;
  referrals: number;
  interventions: number;
  proposals: number;
  decisions: number;
  assignments: number;
  assignmentReports: number;
  invitations: number;
  transfers: number;
  staffNotifications: number;
  outboxMessages: number;
  drafts: number;
  evaluationNotes: number;
  /** The organisations named in the case: which school a child attends says who the child is */
  organisations: number;
};

/** Placeholders for the personal columns that cannot be empty. */
export const PURGED_TEXT = "";
export const PURGED_BIRTH_DATE = new Date("1900-01-01T00:00:00Z");

/**
 * Every personal field of the case row, blanked. What stays is the tombstone:
 * number, gemeente, region, status, result, urgency, domains, the dates of
 * filing and closing, and counters without content (transfers, version). The
 * link to the case's statistic goes too: its anonymous facts stay for the
 * figures, and nothing leads from them back to this case (decision 026).
 */
const blankCase = {
  childName: PURGED_TEXT,
  childBirthDate: PURGED_BIRTH_DATE,
  childBsn: null,
  consentMethod: null,
  stuckDescription: PURGED_TEXT,
  triedDescription: PURGED_TEXT,
  needDescription: PURGED_TEXT,
  childWish: null,
  childWantsToBeHeard: null,
  clientSupporterInvolved: null,
  clientSupporterName: null,
  ...noSchoolFacts,
  stuckSince: null,
  schoolSituation: null,
  outOfSchoolSince: null,
  refusedBy: null,
  risks: null,
  closingNote: null,
  assigneeId: null,
  submissionId: null,
  deadlineAt: null,
  overdueAt: null,
  statisticId: null,
} satisfies Prisma.CaseUncheckedUpdateManyInput;

type Candidate = { id: string; closedAt: Date };

/**
 * Removes the content of closed cases whose retention period has passed
 * (decision 014): per gemeente its own period, or the default. Reads the due
 * cases in batches, oldest closing first, and purges each in its own
 * transaction, so one failing case holds up no other. Any number of workers
 * may run this at once: each case is claimed with an update conditional on
 * `purgedAt` still being empty, and only the claimant removes and audits.
 */
export async function purgeExpiredCases({
  now = new Date(),
  batchSize = 50,
  maxBatches = 20,
}: { now?: Date; batchSize?: number; maxBatches?: number } = {}): Promise<PurgeResult> {
  const result: PurgeResult = { candidates: 0, purged: 0, skipped: 0, failed: 0 };
  // The periods in use: a few distinct values at most, each a range on the (status, purgedAt, closedAt) index.
  const periods = (await prisma.gemeente.findMany({ distinct: ["retentionMonths"], select: { retentionMonths: true } })).map(
    (g) => g.retentionMonths,
  );
  if (periods.length === 0) return result;
  const due: Prisma.CaseWhereInput[] = periods.map((own) => ({
    gemeente: { retentionMonths: own },
    closedAt: { lte: closedOnOrBefore(now, retentionMonthsOf(own)) },
  }));

  // Keyset over (closedAt, id), so a case that failed is not read again in the same run.
  let after: Candidate | null = null;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const candidates: Candidate[] = (
      await asSystem((tx) => tx.case.findMany({
        where: {
          status: "CLOSED",
          purgedAt: null,
          AND: [
            { OR: due },
            ...(after ? [{ OR: [{ closedAt: { gt: after.closedAt } }, { closedAt: after.closedAt, id: { gt: after.id } }] }] : []),
          ],
        },
        orderBy: [{ closedAt: "asc" }, { id: "asc" }],
        take: batchSize,
        select: { id: true, closedAt: true },
      }))
    ).flatMap((c) => (c.closedAt ? [{ id: c.id, closedAt: c.closedAt }] : []));
    result.candidates += candidates.length;
    for (const candidate of candidates) {
      try {
        const purged = await asSystem((tx) => purgeCase(tx, candidate.id, now), { timeout: 60_000 });
        if (purged) result.purged += 1;
        else result.skipped += 1;
      } catch (error) {
        // Nothing of this case was removed; the next run tries again.
        console.error(`[retention] case ${candidate.id}`, error);
        result.failed += 1;
      }
    }
    const last = candidates.at(-1);
    if (!last || candidates.length < batchSize) break;
    after = last;
  }
  return result;
}

/**
 * Purges one case in the caller's transaction; false when it is not (or no
 * longer) due. The case row is locked first, as every writer of a case does,
 * so a transfer or a late writer runs wholly before or wholly after this.
 */
async function purgeCase(tx: Tx, caseId: string, now: Date): Promise<boolean> {
  await lockCase(tx, caseId);
  const found = await tx.case.findUnique({
    where: { id: caseId },
    select: { id: true, number: true, gemeenteId: true, status: true, closedAt: true, purgedAt: true, submissionId: true, gemeente: { select: { retentionMonths: true } } },
  });
  if (!found || found.status !== "CLOSED" || found.purgedAt !== null) return false;
  // The gemeente may have chosen a longer period since the candidates were read.
  const months = retentionMonthsOf(found.gemeente.retentionMonths);
  if (!isPurgeDue(found.closedAt, months, now)) return false;

  // The last word on the facts, from the content that is about to go (and a row for a case
  // closed before statistics were kept).
  await refreshCaseStatistic(tx, caseId);
  // The claim: a second worker, waiting on the lock above, finds purgedAt set and stops there.
  const claimed = await tx.case.updateMany({
    where: { id: caseId, status: "CLOSED", purgedAt: null },
    data: { ...blankCase, purgedAt: now, version: { increment: 1 } },
  });
  if (claimed.count !== 1) return false;

  const removed = await removeContent(tx, caseId, found.submissionId);
  await writeAudit(tx, null, {
    action: "case.purge",
    role: null,
    case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
    changes: {
      purgedAt: { old: null, new: now.toISOString() },
      retentionMonths: { old: null, new: months },
      removed: { old: null, new: removed },
    },
  });
  return true;
}

/**
 * Deletes every row that holds the case's content, children before parents.
 * By case id, not by gemeente: the system removes all of a case, wherever a
 * transfer left its rows.
 */
async function removeContent(tx: Tx, caseId: string, submissionId: string | null): Promise<PurgeCounts> {
  const where = { caseId };
  const assignmentReports = (await tx.assignmentReport.deleteMany({ where })).count;
  const assignments = (await tx.assignment.deleteMany({ where: { decision: { caseId } } })).count;
  const decisions = (await tx.decision.deleteMany({ where })).count;
  const proposals = (await tx.decisionProposal.deleteMany({ where })).count;
  const parties = (await tx.caseParty.deleteMany({ where })).count;
  const timelineEntries = (await tx.timelineEntry.deleteMany({ where })).count;
  const documents = (await tx.caseDocument.deleteMany({ where })).count;
  const informationRequests = (await tx.informationRequest.deleteMany({ where })).count;
  const referrals = (await tx.referral.deleteMany({ where })).count;
  const organisations = (await tx.caseOrganisation.deleteMany({ where })).count;
  const interventions = (await tx.intervention.deleteMany({ where })).count;
  const invitations = (await tx.caseInvitation.deleteMany({ where })).count;
  const transfers = (await tx.caseTransfer.deleteMany({ where })).count;
  const staffNotifications = (await tx.staffNotification.deleteMany({ where })).count;
  // Mail not yet sent would tell a family about a case that is gone; sent mail still names their address.
  const outboxMessages = (await tx.outboxMessage.deleteMany({ where })).count;
  // A filing draft is linked to its case only through the form's submission id.
  const drafts = submissionId
    ? (await tx.caseDraft.deleteMany({ where: { values: { path: ["submissionId"], equals: submissionId } } })).count
    : 0;
  // The evaluation keeps what blocked and how long each step took, for learning; its words go.
  const evaluationNotes = (await tx.caseEvaluation.updateMany({ where, data: { blockedNote: null, breakthroughNote: PURGED_TEXT } })).count;
  return {
    organisations,
    parties,
    timelineEntries,
    documents,
    informationRequests,
    referrals,
    interventions,
    proposals,
    decisions,
    assignments,
    assignmentReports,
    invitations,
    transfers,
    staffNotifications,
    outboxMessages,
    drafts,
    evaluationNotes,
  };
}
