import "server-only";
import { randomUUID } from "node:crypto";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import { computeCaseStatistic, statisticActions, type CaseSnapshot, type CaseStatisticFacts } from "@/lib/domain/case-statistic";
import type { Norms } from "@/lib/domain/deadlines";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Keeps the anonymous facts of cases (CaseStatistic, decision 026) in step with the
 * cases themselves: computed again from the case's own rows and audit trail after
 * every change, in the transaction of whoever made the change, so that the facts
 * commit or roll back with it. Every path that changes a case's facts calls this:
 * filing, each state-machine action (applyAction), routing, a merger of gemeenten.
 * A case whose content the retention job removed is left alone: its facts stay as
 * they were when it was purged.
 */
export async function refreshCaseStatistic(tx: Tx, caseId: string): Promise<void> {
  await refreshCaseStatistics(tx, [caseId]);
}

/** The same for several cases at once, in a fixed number of queries; returns how many rows were written. */
export async function refreshCaseStatistics(tx: Tx, caseIds: readonly string[]): Promise<number> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return 0;
  const cases = await tx.case.findMany({ where: { id: { in: ids }, purgedAt: null }, select: snapshotSelect });
  if (cases.length === 0) return 0;
  const found = cases.map((c) => c.id);
  const events = await tx.auditEvent.findMany({
    where: { caseId: { in: found }, action: { in: [...statisticActions] } },
    select: { caseId: true, action: true, occurredAt: true, outcome: true, changes: true },
  });
  // Norms matter only for a closed case's verdict on them.
  const closedIn = [...new Set(cases.filter((c) => c.status === "CLOSED").map((c) => c.gemeenteId))];
  const norms = closedIn.length > 0 ? await normsOf(tx, closedIn) : new Map<string, Norms>();

  const eventsOf = new Map<string, typeof events>();
  for (const e of events) {
    if (!e.caseId) continue;
    const list = eventsOf.get(e.caseId);
    if (list) list.push(e);
    else eventsOf.set(e.caseId, [e]);
  }
  const rows = cases.map((c) => ({
    id: c.statisticId ?? randomUUID(),
    caseId: c.id,
    isNew: c.statisticId === null,
    facts: computeCaseStatistic(snapshotOf(c, eventsOf.get(c.id) ?? [], norms.get(c.gemeenteId) ?? {})),
  }));
  await writeRows(tx, rows);
  return rows.length;
}

const snapshotSelect = {
  id: true,
  statisticId: true,
  gemeenteId: true,
  regionId: true,
  status: true,
  result: true,
  urgency: true,
  domains: true,
  createdAt: true,
  closedAt: true,
  childBirthDate: true,
  schoolSituation: true,
  outOfSchoolSince: true,
  referredAt: true,
  transferCount: true,
  evaluation: { select: { blockers: true, organisationKinds: true, outcome: true, helpStartedOn: true } },
  referrals: { select: { causes: true, organisationKinds: true }, orderBy: { createdAt: "desc" }, take: 1 },
  decisions: {
    select: {
      id: true,
      supersedesId: true,
      createdAt: true,
      assignments: {
        select: { status: true, dueOn: true, statusAt: true, reports: { where: { kind: "DONE" }, orderBy: { createdAt: "desc" }, take: 1, select: { doneOn: true } } },
      },
    },
  },
} satisfies Prisma.CaseSelect;

type LoadedCase = Prisma.CaseGetPayload<{ select: typeof snapshotSelect }>;

function snapshotOf(c: LoadedCase, events: CaseSnapshot["events"], norms: Norms): CaseSnapshot {
  return {
    gemeenteId: c.gemeenteId,
    regionId: c.regionId,
    status: c.status,
    result: c.result,
    urgency: c.urgency,
    domains: c.domains,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    childBirthDate: c.childBirthDate,
    schoolSituation: c.schoolSituation,
    outOfSchoolSince: c.outOfSchoolSince,
    referredAt: c.referredAt,
    referral: c.referrals[0] ?? null,
    transferCount: c.transferCount,
    events,
    decisions: c.decisions.map((d) => ({ ...d, assignments: d.assignments.map(({ reports, ...a }) => ({ ...a, doneOn: reports[0]?.doneOn ?? null })) })),
    evaluation: c.evaluation,
    norms,
  };
}

async function normsOf(tx: Tx, gemeenteIds: string[]): Promise<Map<string, Norms>> {
  const rows = await tx.deadlineNorm.findMany({ where: { gemeenteId: { in: gemeenteIds } }, select: { gemeenteId: true, status: true, workingDays: true } });
  const out = new Map<string, Norms>();
  for (const row of rows) {
    if (!(caseStatuses as readonly string[]).includes(row.status)) continue;
    const norms = out.get(row.gemeenteId) ?? {};
    norms[row.status as CaseStatus] = row.workingDays;
    out.set(row.gemeenteId, norms);
  }
  return out;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** One row as jsonb_to_recordset reads it. */
function recordOf(id: string, f: CaseStatisticFacts) {
  return { ...f, id, filedMonth: day(f.filedMonth), closedMonth: day(f.closedMonth), referredMonth: day(f.referredMonth) };
}

/**
 * Writes the rows with one upsert and links the new ones to their cases. The
 * database lets the portal's role write exactly the rows named in
 * doorbraak.statistic_rows, and rewrite one only while its case points to it and
 * the actor reaches that case (migration *_case-statistic-policies); the setting is
 * cleared again before this returns.
 */
async function writeRows(tx: Tx, rows: { id: string; caseId: string; isNew: boolean; facts: CaseStatisticFacts }[]): Promise<void> {
  const records = JSON.stringify(rows.map((r) => recordOf(r.id, r.facts)));
  await tx.$queryRaw`SELECT set_config('doorbraak.statistic_rows', ${rows.map((r) => r.id).join(",")}, true)`;
  await tx.$executeRaw`
    INSERT INTO "CaseStatistic" (
      id, "gemeenteId", "regionId", "filedMonth", "closedMonth", step, result, outcome, urgency, domains, "ageBand",
      thuiszitter, "daysOutOfSchoolAtFiling", "daysOutOfSchoolAtHelpStart", referred, "referredMonth", decided,
      "workingDaysToFirstContact", "workingDaysToReferral", "workingDaysToDecision", "workingDaysToHelpStart", "workingDaysToClose",
      "stepWorkingDays", "withinNorms", assignments, "assignmentsOnTime", transfers, causes, "organisationKinds", "updatedAt")
    SELECT
      id, "gemeenteId", "regionId", "filedMonth", "closedMonth", step, result, outcome, urgency, domains, "ageBand",
      thuiszitter, "daysOutOfSchoolAtFiling", "daysOutOfSchoolAtHelpStart", referred, "referredMonth", decided,
      "workingDaysToFirstContact", "workingDaysToReferral", "workingDaysToDecision", "workingDaysToHelpStart", "workingDaysToClose",
      "stepWorkingDays", "withinNorms", assignments, "assignmentsOnTime", transfers, causes, "organisationKinds", now()
    FROM jsonb_to_recordset(${records}::jsonb) AS x(
      id text, "gemeenteId" text, "regionId" text, "filedMonth" date, "closedMonth" date, step "CaseStatus",
      result "CaseResult", outcome "CaseOutcome", urgency "Urgency", domains "Domain"[], "ageBand" text,
      thuiszitter boolean, "daysOutOfSchoolAtFiling" int, "daysOutOfSchoolAtHelpStart" int, referred boolean, "referredMonth" date, decided boolean,
      "workingDaysToFirstContact" int, "workingDaysToReferral" int, "workingDaysToDecision" int, "workingDaysToHelpStart" int,
      "workingDaysToClose" int, "stepWorkingDays" jsonb, "withinNorms" boolean, assignments int, "assignmentsOnTime" int,
      transfers int, causes text[], "organisationKinds" text[])
    ON CONFLICT (id) DO UPDATE SET
      "gemeenteId" = EXCLUDED."gemeenteId", "regionId" = EXCLUDED."regionId", "filedMonth" = EXCLUDED."filedMonth",
      "closedMonth" = EXCLUDED."closedMonth", step = EXCLUDED.step, result = EXCLUDED.result, outcome = EXCLUDED.outcome,
      urgency = EXCLUDED.urgency, domains = EXCLUDED.domains, "ageBand" = EXCLUDED."ageBand", thuiszitter = EXCLUDED.thuiszitter,
      "daysOutOfSchoolAtFiling" = EXCLUDED."daysOutOfSchoolAtFiling", "daysOutOfSchoolAtHelpStart" = EXCLUDED."daysOutOfSchoolAtHelpStart",
      referred = EXCLUDED.referred, "referredMonth" = EXCLUDED."referredMonth", decided = EXCLUDED.decided,
      "workingDaysToFirstContact" = EXCLUDED."workingDaysToFirstContact", "workingDaysToReferral" = EXCLUDED."workingDaysToReferral",
      "workingDaysToDecision" = EXCLUDED."workingDaysToDecision", "workingDaysToHelpStart" = EXCLUDED."workingDaysToHelpStart",
      "workingDaysToClose" = EXCLUDED."workingDaysToClose", "stepWorkingDays" = EXCLUDED."stepWorkingDays",
      "withinNorms" = EXCLUDED."withinNorms", assignments = EXCLUDED.assignments, "assignmentsOnTime" = EXCLUDED."assignmentsOnTime",
      transfers = EXCLUDED.transfers, causes = EXCLUDED.causes, "organisationKinds" = EXCLUDED."organisationKinds",
      "updatedAt" = EXCLUDED."updatedAt"`;
  const links = rows.filter((r) => r.isNew);
  if (links.length > 0) {
    const linked = await tx.$executeRaw`
      UPDATE "Case" c SET "statisticId" = x.statistic
      FROM unnest(${links.map((r) => r.caseId)}::text[], ${links.map((r) => r.id)}::text[]) AS x(case_id, statistic)
      WHERE c.id = x.case_id AND c."statisticId" IS NULL`;
    // A row that no case points to would be a count without a case: never leave one behind.
    if (linked !== links.length) throw new Error(`Linked ${linked} of ${links.length} new case statistics`);
  }
  await tx.$queryRaw`SELECT set_config('doorbraak.statistic_rows', '', true)`;
}
