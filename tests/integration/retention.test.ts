import { linkOrganisation } from "@/lib/server/cases/link-organisation";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { Actor } from "@/lib/auth/actor";
import { gemeentePolicyInput, policyInputFromForm } from "@/lib/domain/inputs";
import { addMonths, RETENTION_DEFAULT_MONTHS } from "@/lib/domain/retention";
import { prisma } from "@/tests/support/owner-db";
import { formValues, runAction } from "@/lib/server/action";
import { listManagedPolicies, updateGemeentePolicy } from "@/lib/server/admin/manage-policy";
import { verifyCaseChain } from "@/lib/server/audit/verify-chains";
import { readAccessLog } from "@/lib/server/cases/access-log";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase, listMyCases } from "@/lib/server/cases/follow-case";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { openCase } from "@/lib/server/cases/open-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { transferCase } from "@/lib/server/cases/transfer-case";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { addDocument } from "@/lib/server/documents/add-document";
import { NotFoundError } from "@/lib/server/errors";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import { jobQueues, startJobs } from "@/lib/server/jobs/start-jobs";
import { reportAssignment } from "@/lib/server/monitoring/report-assignment";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { PURGED_BIRTH_DATE, purgeExpiredCases } from "@/lib/server/retention/purge-cases";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { minimalPdf as pdfBytes } from "@/tests/support/minimal-pdf";
import { dayFromNow } from "@/tests/support/days";

// Invitation links are signed; this file invites a client supporter to a case it then purges.
process.env.AUTH_SECRET = "retention-test-secret-0123456789abcdef";

// Outside a request, Next's after() refuses to run; the form action uses it to send mail after the response.
vi.mock("next/server", () => ({ after: () => undefined }));

const DAY = 24 * 60 * 60_000;
const inDays = (n: number) => dayFromNow(n);

const minimalPdf = pdfBytes();

let parent: Actor, aanspreekpunt: Actor, delftAanspreekpunt: Actor, expert: Actor, decider: Actor, ombudsman: Actor;
let denHaagAdmin: Actor, delftAdmin: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delftAanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  ombudsman = await makeActor("OMBUDSMAN");
  denHaagAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
  delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
});

/** Moves a closed case's closing back in time, as if it closed `months` months (plus a day) ago. */
async function closedMonthsAgo(caseId: string, months: number, extraDays = 1): Promise<Date> {
  const closedAt = new Date(addMonths(new Date(), -months).getTime() - extraDays * DAY);
  await prisma.case.update({ where: { id: caseId }, data: { closedAt } });
  return closedAt;
}

/** A simply closed case: filed and withdrawn by the family. */
async function withdrawnCase(gemeente = DEN_HAAG) {
  const filed = await fileCase(parent, caseInput({ ownGemeenteCode: gemeente }));
  await withdrawCase(parent, { caseId: filed.id, reason: "Er is toch een plek gevonden." });
  return filed;
}

/**
 * A Den Haag case that went the whole way and has a row in every content
 * table: filed in Delft and transferred, a document, an invitation, a
 * question and its answer, a referral, an intervention, a proposal, a
 * decision with two assignments and a report, notifications, mail, a filing
 * draft that was left behind, and the evaluation.
 */
async function fullyWorkedCase() {
  const input = caseInput({ ownGemeenteCode: DELFT, childName: "Noor Verwijderd", childBsn: "111222333", risks: "Zij raakt achter.", stuckSince: inDays(-90) });
  const filed = await fileCase(parent, input);
  await transferCase(delftAanspreekpunt, { caseId: filed.id, toGemeenteCode: DEN_HAAG, transferReason: "Het kind woont sinds kort in Den Haag.", expertAgreement: null });
  await addDocument(parent, { caseId: filed.id, fileName: "Verslag school Noor.pdf", content: minimalPdf });
  await inviteToCase(parent, { caseId: filed.id, email: "steun@example.nl", role: "CLIENT_SUPPORTER" });
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await requestInfo(aanspreekpunt, { caseId: filed.id, familyQuestion: "Welke school heeft Noor het laatst bezocht?" });
  await answerInfo(parent, { caseId: filed.id, answer: "De Linde, tot de zomer." });
  await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
  await logIntervention(expert, {
    caseId: filed.id,
    type: "CASE_CONFERENCE",
    occurredOn: inDays(-1),
    participants: "Ouders, school, zorgaanbieder",
    familyInvolved: true,
    outcome: "Iedereen is het eens over een plek met zorg.",
    nextStep: null,
    internalNote: "Moeder was erg emotioneel.",
  });
  const school = await prisma.organisation.create({ data: { gemeenteId: (await prisma.case.findUniqueOrThrow({ where: { id: filed.id } })).gemeenteId, kind: "SCHOOL", name: `School Y ${filed.id}` } });
  await linkOrganisation(expert, { caseId: filed.id, organisationId: school.id, part: "MUST_ACT" });
  await proposeDecision(expert, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand anders neemt het op." });
  await recordDecision(decider, {
    caseId: filed.id,
    legalBasis: "Jeugdwet art. 2.3",
    rationale: "Noor heeft recht op passende hulp.",
    assignments: [
      { party: "School Y", description: "Een plek voor Noor", dueOn: inDays(30), payer: "Samenwerkingsverband" },
      { party: "Zorgaanbieder X", description: "Begeleiding thuis", dueOn: inDays(31), payer: "Gemeente" },
    ],
  });
  const assignments = await prisma.assignment.findMany({ where: { decision: { caseId: filed.id } }, orderBy: { dueOn: "asc" } });
  await reportAssignment(parent, { caseId: filed.id, assignmentId: assignments[0]!.id, reportNote: "Er is niemand gekomen." });
  for (const a of assignments) {
    await settleAssignment(aanspreekpunt, { caseId: filed.id, assignmentId: a.id, outcome: "DONE", statusNote: "De plek is bevestigd." });
  }
  await closeCase(aanspreekpunt, {
    caseId: filed.id,
    result: "RESOLVED",
    closingNote: "De hulp is geregeld en Noor gaat weer naar school.",
    causes: ["WAITING_LIST"],
    organisationKinds: ["JEUGDHULPAANBIEDER"],
    outcome: "DECISION",
    helpStartedOn: dayFromNow(),
    blockedNote: "De aanbieder had een wachtlijst.",
    breakthroughNote: "Het besluit legde vast wie betaalt.",
  });
  // A draft saved while the form was being sent, so it outlived the filing.
  const row = await prisma.case.findUniqueOrThrow({ where: { id: filed.id } });
  await prisma.caseDraft.create({ data: { userId: parent.userId, values: { submissionId: row.submissionId, childName: "Noor Verwijderd" } } });
  return { ...filed, assignmentIds: assignments.map((a) => a.id) };
}

/** Rows that hold a case's content, per table. */
async function contentCounts(caseId: string, assignmentIds: string[] = [], submissionId: string | null = null) {
  const where = { caseId };
  return {
    parties: await prisma.caseParty.count({ where }),
    timelineEntries: await prisma.timelineEntry.count({ where }),
    documents: await prisma.caseDocument.count({ where }),
    informationRequests: await prisma.informationRequest.count({ where }),
    referrals: await prisma.referral.count({ where }),
    interventions: await prisma.intervention.count({ where }),
    proposals: await prisma.decisionProposal.count({ where }),
    decisions: await prisma.decision.count({ where }),
    assignments: await prisma.assignment.count({ where: { id: { in: assignmentIds } } }),
    assignmentReports: await prisma.assignmentReport.count({ where }),
    invitations: await prisma.caseInvitation.count({ where }),
    transfers: await prisma.caseTransfer.count({ where }),
    staffNotifications: await prisma.staffNotification.count({ where }),
    outboxMessages: await prisma.outboxMessage.count({ where }),
    organisations: await prisma.caseOrganisation.count({ where }),
    drafts: submissionId ? await prisma.caseDraft.count({ where: { values: { path: ["submissionId"], equals: submissionId } } }) : 0,
  };
}

describe("the retention job", () => {
  // First in the file: no other case is due yet, so the totals are exactly ours.
  it("purges each expired case exactly once when two workers run at the same moment, and again finds nothing", async () => {
    const cases = await Promise.all([1, 2, 3].map(() => withdrawnCase()));
    for (const c of cases) await closedMonthsAgo(c.id, RETENTION_DEFAULT_MONTHS);

    const [a, b] = await Promise.all([purgeExpiredCases(), purgeExpiredCases()]);
    expect(a.purged + b.purged).toBe(3);
    expect(a.failed + b.failed).toBe(0);
    for (const c of cases) {
      expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.purge" } })).toBe(1);
      expect(await verifyCaseChain(c.id, prisma)).toBeNull();
    }

    const again = await purgeExpiredCases();
    expect(again).toEqual({ candidates: 0, purged: 0, skipped: 0, failed: 0 });
    for (const c of cases) expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.purge" } })).toBe(1);
  });

  it("removes the content of a case closed longer ago than the period, keeps a tombstone and one audit event, and the chain still verifies", async () => {
    const c = await fullyWorkedCase();
    const before = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, include: { evaluation: true } });
    const present = await contentCounts(c.id, c.assignmentIds, before.submissionId);
    // Every kind of content is really there before the purge, or the test proves nothing.
    for (const [kind, count] of Object.entries(present)) expect(count, kind).toBeGreaterThan(0);
    const closedAt = await closedMonthsAgo(c.id, RETENTION_DEFAULT_MONTHS);
    const trailBefore = await prisma.auditEvent.count({ where: { caseId: c.id } });

    const now = new Date();
    const run = await purgeExpiredCases({ now });
    expect(run.purged).toBe(1);

    expect(await contentCounts(c.id, c.assignmentIds, before.submissionId)).toEqual(Object.fromEntries(Object.keys(present).map((k) => [k, 0])));
    const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, include: { evaluation: true } });
    // The tombstone.
    expect(after).toMatchObject({
      number: before.number,
      gemeenteId: before.gemeenteId,
      regionId: before.regionId,
      status: "CLOSED",
      result: "RESOLVED",
      urgency: before.urgency,
      domains: before.domains,
      createdAt: before.createdAt,
      closedAt,
      purgedAt: now,
      transferCount: 1,
    });
    // Every personal field, blank.
    expect(after).toMatchObject({
      childName: "",
      childBirthDate: PURGED_BIRTH_DATE,
      childBsn: null,
      consentMethod: null,
      stuckDescription: "",
      triedDescription: "",
      needDescription: "",
      stuckSince: null,
      schoolSituation: null,
      outOfSchoolSince: null,
      refusedBy: null,
      risks: null,
      closingNote: null,
      assigneeId: null,
      submissionId: null,
      deadlineAt: null,
    });
    expect(JSON.stringify(after)).not.toContain("Noor");
    // The evaluation keeps what blocked and how long each step took; its words are gone.
    expect(after.evaluation).toMatchObject({
      blockers: before.evaluation!.blockers,
      organisationKinds: before.evaluation!.organisationKinds,
      outcome: before.evaluation!.outcome,
      helpStartedOn: before.evaluation!.helpStartedOn,
      stepDurations: before.evaluation!.stepDurations,
      blockedNote: null,
      breakthroughNote: "",
    });

    // One audit event by the system, with what was removed; the rest of the trail untouched.
    const purges = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.purge" } });
    expect(purges).toHaveLength(1);
    expect(purges[0]).toMatchObject({ actorId: null, actorName: null, actorRole: null, caseNumber: c.number, chain: `case:${c.id}` });
    expect(purges[0]!.changes).toEqual({
      purgedAt: { old: null, new: now.toISOString() },
      retentionMonths: { old: null, new: RETENTION_DEFAULT_MONTHS },
      removed: { old: null, new: { ...present, evaluationNotes: 1 } },
    });
    expect(await prisma.auditEvent.count({ where: { caseId: c.id } })).toBe(trailBefore + 1);
    expect(await verifyCaseChain(c.id, prisma)).toBeNull();

    // Staff see the tombstone without actions; the ombudsman may still read the trail.
    const staff = await openCase(aanspreekpunt, c.number);
    expect(staff.purged).toEqual({ purgedAt: now, retentionMonths: RETENTION_DEFAULT_MONTHS });
    expect(staff.actions).toEqual([]);
    expect((await openCase(ombudsman, c.number)).canReadAudit).toBe(true);
    expect(await verifyCaseChain(c.id, prisma)).toBeNull();

    // The family no longer finds it.
    await expect(followCase(parent, c.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readAccessLog(parent, c.number)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyCases(parent)).map((m) => m.number)).not.toContain(c.number);
  });

  it("leaves a case closed more recently, an open case, and a case of a gemeente with a longer period alone", async () => {
    const delftId = delftAdmin.memberships[0]!.gemeenteId!;
    await updateGemeentePolicy(delftAdmin, gemeentePolicyInput.parse({ gemeenteId: delftId, retentionMonths: "60" }));
    try {
      const recent = await withdrawnCase();
      await closedMonthsAgo(recent.id, RETENTION_DEFAULT_MONTHS, -2);
      const open = await fileCase(parent, caseInput());
      await claimCase(aanspreekpunt, { caseId: open.id });
      const longer = await withdrawnCase(DELFT);
      await closedMonthsAgo(longer.id, RETENTION_DEFAULT_MONTHS + 6);
      const untouched = [recent, open, longer];
      const before = await Promise.all(untouched.map((c) => prisma.case.findUniqueOrThrow({ where: { id: c.id } })));
      const counts = await Promise.all(untouched.map((c) => contentCounts(c.id)));

      const run = await purgeExpiredCases();
      expect(run.purged).toBe(0);
      for (const [i, c] of untouched.entries()) {
        expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before[i]);
        expect(await contentCounts(c.id)).toEqual(counts[i]);
        expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.purge" } })).toBe(0);
      }

      // Delft's own period runs out too, in its time.
      await closedMonthsAgo(longer.id, 60);
      expect((await purgeExpiredCases()).purged).toBe(1);
      expect((await prisma.case.findUniqueOrThrow({ where: { id: longer.id } })).purgedAt).not.toBeNull();
    } finally {
      await updateGemeentePolicy(delftAdmin, gemeentePolicyInput.parse({ gemeenteId: delftId, retentionMonths: "" }));
    }
  });

  it("runs as a job on pg-boss", async () => {
    const c = await withdrawnCase();
    await closedMonthsAgo(c.id, RETENTION_DEFAULT_MONTHS);
    const jobs = await startJobs({ connectionString: process.env.DATABASE_URL, schedule: false });
    try {
      const boss = jobs.boss!;
      const jobId = await boss.send(jobQueues.retention, {});
      expect(jobId).toBeTruthy();
      let state: string | undefined;
      // Bounded polling on the job's own state: pg-boss workers poll every 2 seconds.
      for (let attempt = 0; attempt < 300 && state !== "completed" && state !== "failed"; attempt += 1) {
        state = (await boss.getJobById(jobQueues.retention, jobId!))?.state;
        if (state !== "completed" && state !== "failed") await pause(100);
      }
      expect(state).toBe("completed");
    } finally {
      await jobs.stop();
    }
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).purgedAt).not.toBeNull();
  });
});

describe("the gemeente's policy form", () => {
  const nl = JSON.parse(readFileSync(path.join(process.cwd(), "lib/i18n/messages/nl/admin.json"), "utf8")) as AbstractIntlMessages;
  const translate = createTranslator({ locale: "nl", messages: nl }) as unknown as (key: string, values?: Record<string, number>) => string;
  const t = (key: string, values?: Record<string, number>) => translate(`admin.policy.${key}`, values);

  function form(gemeenteId: string, retentionMonths: string, names: boolean): FormData {
    const data = new FormData();
    data.set("gemeenteId", gemeenteId);
    data.set("retentionMonths", retentionMonths);
    if (names) data.set("familySeesStaffNames", "on");
    return data;
  }

  /** What the server action does with the form. */
  async function submit(actor: Actor, data: FormData) {
    return runAction(gemeentePolicyInput, policyInputFromForm(data), formValues(data), (parsed) => updateGemeentePolicy(actor, parsed));
  }

  it("rejects 5 and 500 months with a Dutch message next to the field, keeps what was typed, and stores nothing", async () => {
    const gemeenteId = denHaagAdmin.memberships[0]!.gemeenteId!;
    const before = await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeenteId } });
    for (const typed of ["5", "500"]) {
      const result = await submit(denHaagAdmin, form(gemeenteId, typed, true));
      expect(result?.ok).toBe(false);
      if (result?.ok !== false) continue;
      expect(result.fieldErrors).toEqual({ retentionMonths: "retentionRange" });
      expect(result.values).toMatchObject({ retentionMonths: typed, familySeesStaffNames: "on" });
      expect(t(`errors.${result.fieldErrors.retentionMonths!}`, { min: 12, max: 240 })).toBe(
        "Vul een aantal maanden in van 12 tot en met 240, of laat het veld leeg.",
      );
    }
    const notWhole = await submit(denHaagAdmin, form(gemeenteId, "2,5", false));
    expect(notWhole?.ok === false && notWhole.fieldErrors).toEqual({ retentionMonths: "retentionWhole" });
    expect(await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeenteId } })).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { action: "gemeente.updatePolicy", gemeenteId } })).toBe(0);
  });

  it("stores a valid policy with its old and new values in the audit trail, for the admin's own gemeente only", async () => {
    const gemeenteId = denHaagAdmin.memberships[0]!.gemeenteId!;
    const saved = await submit(denHaagAdmin, form(gemeenteId, " 36 ", true));
    expect(saved).toEqual({ ok: true, data: undefined });
    expect(await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeenteId }, select: { retentionMonths: true, familySeesStaffNames: true } })).toEqual({
      retentionMonths: 36,
      familySeesStaffNames: true,
    });
    const audit = await prisma.auditEvent.findMany({ where: { action: "gemeente.updatePolicy", gemeenteId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: denHaagAdmin.userId, actorRole: "GEMEENTE_ADMIN", chain: `actor:${denHaagAdmin.userId}` });
    expect(audit[0]!.changes).toEqual({ retentionMonths: { old: null, new: 36 }, familySeesStaffNames: { old: false, new: true } });
    expect((await listManagedPolicies(denHaagAdmin))[gemeenteId]).toEqual({
      retentionMonths: 36,
      familySeesStaffNames: true,
      defaultMonths: RETENTION_DEFAULT_MONTHS,
      min: 12,
      max: 240,
    });

    // Another gemeente's admin, or staff who are not an admin, get "not found" and change nothing.
    for (const other of [delftAdmin, aanspreekpunt, await makeActor("PLATFORM_ADMIN")]) {
      const refused = await submit(other, form(gemeenteId, "", false));
      expect(refused).toMatchObject({ ok: false, error: "notFound" });
    }
    expect((await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeenteId } })).retentionMonths).toBe(36);

    // Empty is the default again; an unticked box switches the names off.
    await submit(denHaagAdmin, form(gemeenteId, "", false));
    expect(await prisma.gemeente.findUniqueOrThrow({ where: { id: gemeenteId }, select: { retentionMonths: true, familySeesStaffNames: true } })).toEqual({
      retentionMonths: null,
      familySeesStaffNames: false,
    });
  });
});
