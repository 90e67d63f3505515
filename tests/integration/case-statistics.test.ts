import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma as portal } from "@/lib/db/client";
import { asActor, asSystem } from "@/lib/db/acting";
import { calendarDaysBetween, monthOf } from "@/lib/domain/case-statistic";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { addMonths, RETENTION_DEFAULT_MONTHS } from "@/lib/domain/retention";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { transferCase } from "@/lib/server/cases/transfer-case";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { purgeExpiredCases } from "@/lib/server/retention/purge-cases";
import { refreshCaseStatistics } from "@/lib/server/statistics/case-statistic";
import { asStatisticsReader } from "@/lib/server/statistics/read-scope";
import { rebuildCaseStatistics } from "@/lib/server/statistics/rebuild";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "@/tests/support/factories";
import { prisma as owner } from "@/tests/support/owner-db";
import { dayFromNow } from "@/tests/support/days";

const DAY = 86_400_000;
const inDays = (n: number) => dayFromNow(n);
/** Calendar days from a day to today in Amsterdam, the day the test files its case. */
const daysSince = (day: string) => calendarDaysBetween(day, amsterdamDay(new Date()));

let parent: Actor, aanspreekpunt: Actor, delftAanspreekpunt: Actor, expert: Actor, decider: Actor, ombudsman: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delftAanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  ombudsman = await makeActor("OMBUDSMAN");
});

/** The statistic the case points to, read as the owner. */
async function statisticOf(caseId: string) {
  const c = await owner.case.findUniqueOrThrow({ where: { id: caseId }, select: { statisticId: true } });
  expect(c.statisticId).not.toBeNull();
  return owner.caseStatistic.findUniqueOrThrow({ where: { id: c.statisticId! } });
}

/** Free text that appears nowhere else, so that finding it in a statistic can only mean it leaked. */
const text = (label: string) => `${label} ${Math.random().toString(36).slice(2, 10)} tekst`;

const closing = {
  result: "RESOLVED" as const,
  closingNote: text("Afsluiting"),
  causes: ["WAITING_LIST" as const],
  organisationKinds: ["SCHOOL" as const],
  outcome: "DECISION" as const,
  helpStartedOn: dayFromNow(),
  blockedNote: text("Wat blokkeerde"),
  breakthroughNote: text("Wat doorbrak"),
};

describe("a case's statistic follows the case", () => {
  it("is made at filing and kept up to date through referral, decision and closing, also when the family acts", async () => {
    const filed = await fileCase(parent, caseInput({ schoolSituation: "NONE", outOfSchoolSince: inDays(-30) }));
    expect(await statisticOf(filed.id)).toMatchObject({
      step: "SUBMITTED",
      thuiszitter: true,
      daysOutOfSchoolAtFiling: daysSince(inDays(-30)),
      referred: false,
      decided: false,
      closedMonth: null,
      withinNorms: null,
      workingDaysToFirstContact: null,
    });

    await claimCase(aanspreekpunt, { caseId: filed.id });
    expect(await statisticOf(filed.id)).toMatchObject({ step: "TRIAGE", workingDaysToFirstContact: 0 });

    // The family's answer is a change of step too, refreshed in the family's own transaction.
    await requestInfo(aanspreekpunt, { caseId: filed.id, familyQuestion: "Welke school heeft uw kind het laatst bezocht?" });
    await answerInfo(parent, { caseId: filed.id, answer: text("Antwoord") });
    expect((await statisticOf(filed.id)).step).toBe("TRIAGE");

    await startLocal(aanspreekpunt, { caseId: filed.id, note: text("Notitie") });
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: text("Vraag aan het expertteam") });
    expect(await statisticOf(filed.id)).toMatchObject({ step: "WITH_EXPERT_TEAM", referred: true, workingDaysToReferral: 0 });

    await proposeDecision(expert, { caseId: filed.id, proposal: text("Voorstel"), rationale: text("Onderbouwing") });
    const { decisionId } = await recordDecision(decider, {
      caseId: filed.id,
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: text("Besluit"),
      assignments: [
        { party: text("Partij"), description: text("Opdracht"), dueOn: inDays(30), payer: "Gemeente" },
        { party: text("Partij"), description: text("Opdracht"), dueOn: inDays(40), payer: "Gemeente" },
      ],
    });
    expect(await statisticOf(filed.id)).toMatchObject({ step: "DECIDED", decided: true, workingDaysToDecision: 0, assignments: 2, assignmentsOnTime: 0 });

    const assignments = await owner.assignment.findMany({ where: { decisionId }, select: { id: true } });
    for (const a of assignments) {
      await settleAssignment(aanspreekpunt, { caseId: filed.id, assignmentId: a.id, outcome: "DONE", statusNote: text("Gedaan") });
    }
    expect(await statisticOf(filed.id)).toMatchObject({ step: "MONITORING", assignments: 2, assignmentsOnTime: 2 });

    const linked = (await owner.case.findUniqueOrThrow({ where: { id: filed.id } })).statisticId;
    await closeCase(aanspreekpunt, { caseId: filed.id, ...closing });
    const closed = await statisticOf(filed.id);
    expect(closed).toMatchObject({ id: linked, step: "CLOSED", result: "RESOLVED", causes: ["WAITING_LIST"], workingDaysToClose: 0, withinNorms: true });
    expect(closed.closedMonth).toEqual(closed.filedMonth);
    expect(closed.stepWorkingDays).toMatchObject({ SUBMITTED: 0, TRIAGE: 0, WITH_EXPERT_TEAM: 0, DECIDED: 0, MONITORING: 0 });
    // One row per case, whatever happened to it.
    expect(await owner.caseStatistic.count({ where: { id: linked! } })).toBe(1);
  });

  it("moves with a transfer to the gemeente that is responsible after all, and counts it", async () => {
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: DELFT }));
    const delft = await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DELFT } });
    expect(await statisticOf(filed.id)).toMatchObject({ gemeenteId: delft.id, transfers: 0 });
    await claimCase(delftAanspreekpunt, { caseId: filed.id });
    await transferCase(delftAanspreekpunt, { caseId: filed.id, toGemeenteCode: DEN_HAAG, transferReason: text("Het kind woont in Den Haag"), expertAgreement: null });
    const denHaag = await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });
    expect(await statisticOf(filed.id)).toMatchObject({ gemeenteId: denHaag.id, regionId: denHaag.regionId, transfers: 1 });
  });

  it("gives a case filed before statistics were kept its row when it is refreshed", async () => {
    const filed = await fileCase(parent, caseInput());
    const before = (await owner.case.findUniqueOrThrow({ where: { id: filed.id } })).statisticId!;
    await owner.case.update({ where: { id: filed.id }, data: { statisticId: null } });
    await owner.caseStatistic.delete({ where: { id: before } });
    expect(await asSystem((tx) => refreshCaseStatistics(tx, [filed.id]))).toBe(1);
    expect((await statisticOf(filed.id)).step).toBe("SUBMITTED");
  });
});

describe("rebuilding", () => {
  it("refreshes every case whose content is still there, in batches, and links the ones without a row", async () => {
    const filed = await fileCase(parent, caseInput());
    const before = (await owner.case.findUniqueOrThrow({ where: { id: filed.id } })).statisticId!;
    await owner.case.update({ where: { id: filed.id }, data: { statisticId: null } });
    await owner.caseStatistic.delete({ where: { id: before } });
    const open = await owner.case.count({ where: { purgedAt: null } });

    const result = await rebuildCaseStatistics({ batchSize: 2 });

    expect(result).toMatchObject({ cases: open, batches: Math.ceil(open / 2) });
    expect(await owner.case.count({ where: { purgedAt: null, statisticId: null } })).toBe(0);
    expect((await statisticOf(filed.id)).step).toBe("SUBMITTED");
  });
});

describe("retention", () => {
  it("keeps the statistic when the case's content is removed, and unlinks it", async () => {
    const filed = await fileCase(parent, caseInput());
    await withdrawCase(parent, { caseId: filed.id, reason: text("Ingetrokken") });
    const kept = await statisticOf(filed.id);
    const closedAt = new Date(addMonths(new Date(), -RETENTION_DEFAULT_MONTHS).getTime() - DAY);
    await owner.case.update({ where: { id: filed.id }, data: { closedAt } });

    await purgeExpiredCases({ batchSize: 500 });

    const tombstone = await owner.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(tombstone.purgedAt).not.toBeNull();
    expect(tombstone.statisticId).toBeNull();
    const after = await owner.caseStatistic.findUniqueOrThrow({ where: { id: kept.id } });
    // The purge refreshed it one last time from the case, before the content went: the closing moved back in time.
    expect(after).toEqual({ ...kept, closedMonth: monthOf(closedAt), workingDaysToClose: 0, updatedAt: after.updatedAt });
    // Nothing refreshes a purged case's facts any more.
    expect(await asSystem((tx) => refreshCaseStatistics(tx, [filed.id]))).toBe(0);
  });
});

describe("no personal data", () => {
  const allowedColumns = [
    "id", "gemeenteId", "regionId", "filedMonth", "closedMonth", "step", "result", "outcome", "urgency", "domains", "ageBand",
    "thuiszitter", "daysOutOfSchoolAtFiling", "daysOutOfSchoolAtHelpStart", "referred", "referredMonth", "decided",
    "workingDaysToFirstContact", "workingDaysToReferral", "workingDaysToDecision", "workingDaysToHelpStart", "workingDaysToClose",
    "stepWorkingDays", "withinNorms", "assignments", "assignmentsOnTime", "transfers", "causes", "organisationKinds", "updatedAt",
  ];

  it("has only the columns of the allow-list", async () => {
    const columns = await owner.$queryRaw<{ name: string }[]>`
      SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'CaseStatistic'`;
    expect(columns.map((c) => c.name).sort()).toEqual([...allowedColumns].sort());
  });

  it("holds no name, BSN, birth date or free text of the case", async () => {
    const input = caseInput({
      childName: text("Kindnaam"),
      childBsn: "111222333",
      childBirthDate: "2011-05-17",
      stuckSince: inDays(-60),
      schoolSituation: "PARTLY",
      outOfSchoolSince: inDays(-45),
      stuckDescription: text("Wat vastzit"),
      triedDescription: text("Wat geprobeerd is"),
      needDescription: text("Wat nodig is"),
      refusedBy: text("Wie weigerde"),
      risks: text("Risico's"),
    });
    const filed = await fileCase(parent, input);
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await startLocal(aanspreekpunt, { caseId: filed.id, note: text("Notitie") });
    await closeCase(aanspreekpunt, { caseId: filed.id, ...closing });

    const row = await statisticOf(filed.id);
    const c = await owner.case.findUniqueOrThrow({ where: { id: filed.id } });
    const evaluation = await owner.caseEvaluation.findUniqueOrThrow({ where: { caseId: filed.id } });
    const personal = [
      c.childName, c.childBsn, c.number, c.id, c.submissionId, "2011-05-17", input.stuckSince, input.outOfSchoolSince,
      c.stuckDescription, c.triedDescription, c.needDescription, c.refusedBy, c.risks, c.closingNote,
      evaluation.blockedNote, evaluation.breakthroughNote, parent.name, parent.email, aanspreekpunt.userId,
    ].filter((v): v is string => typeof v === "string" && v.length > 0);
    const stored = JSON.stringify(row);
    for (const value of personal) expect(stored, value).not.toContain(value);
    // No value of the row is the birth date or a day of the case: dates are months.
    for (const value of Object.values(row)) {
      if (!(value instanceof Date) || value === row.updatedAt) continue;
      expect(value.getUTCDate()).toBe(1);
    }
    expect(row).toMatchObject({ ageBand: "12-15", thuiszitter: true, daysOutOfSchoolAtFiling: daysSince(input.outOfSchoolSince!) });
  });
});

describe("reading statistics", () => {
  it("gives the portal's role no row outside the statistics scope, whoever acts", async () => {
    const filed = await fileCase(parent, caseInput());
    const total = await owner.caseStatistic.count();
    expect(total).toBeGreaterThan(0);
    expect(await portal.caseStatistic.count()).toBe(0);
    for (const actor of [parent, aanspreekpunt, expert, decider, ombudsman]) {
      expect(await asActor(actor, (tx) => tx.caseStatistic.count()), actor.memberships[0]!.role).toBe(0);
    }
    expect(await asSystem((tx) => tx.caseStatistic.count())).toBe(0);
    // A staff member reads the link on a case of their own, and still not the row behind it.
    const seen = await asActor(aanspreekpunt, (tx) => tx.case.findUniqueOrThrow({ where: { id: filed.id }, select: { statistic: true } }));
    expect(seen.statistic).toBeNull();
  });

  it("gives the statistics scope every row and no case data", async () => {
    const total = await owner.caseStatistic.count();
    const read = await asStatisticsReader(async (tx) => ({
      statistics: await tx.caseStatistic.count(),
      cases: await tx.case.count(),
      evaluations: await tx.caseEvaluation.count(),
      audit: await tx.auditEvent.count(),
    }));
    expect(read).toEqual({ statistics: total, cases: 0, evaluations: 0, audit: 0 });
  });

  it("lets no one write or remove a row outside the refresh", async () => {
    const [row] = await owner.caseStatistic.findMany({ take: 1 });
    await expect(
      asStatisticsReader((tx) => tx.$executeRaw`UPDATE "CaseStatistic" SET transfers = 99 WHERE id = ${row!.id}`),
    ).resolves.toBe(0);
    await expect(asSystem((tx) => tx.$executeRaw`DELETE FROM "CaseStatistic" WHERE id = ${row!.id}`)).rejects.toThrow(/permission denied/);
    await expect(
      asSystem((tx) => tx.$executeRaw`INSERT INTO "CaseStatistic" (id, "gemeenteId", "filedMonth", step, urgency, thuiszitter, referred, decided, "updatedAt")
        VALUES ('ingebroken', ${row!.gemeenteId}, '2026-01-01', 'CLOSED', 'NORMAL', false, false, false, now())`),
    ).rejects.toThrow(/row-level security/);
    // Naming a row in the refresh's setting is not enough to rewrite it: its case must point to it and be within reach.
    const stranger = await makeActor("FAMILY");
    await expect(
      asActor(stranger, async (tx) => {
        await tx.$queryRaw`SELECT set_config('doorbraak.statistic_rows', ${row!.id}, true)`;
        return tx.$executeRaw`UPDATE "CaseStatistic" SET transfers = 99 WHERE id = ${row!.id}`;
      }),
    ).resolves.toBe(0);
    expect((await owner.caseStatistic.findUniqueOrThrow({ where: { id: row!.id } })).transfers).toBe(row!.transfers);
  });
});
