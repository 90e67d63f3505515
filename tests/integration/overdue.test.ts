import { setTimeout as pause } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { deadlineFor, endOfAmsterdamDay, addWorkingDays } from "@/lib/domain/deadlines";
import { expertEscalationAt } from "@/lib/domain/escalation";
import { prisma } from "@/tests/support/owner-db";
import { gemeenteNormsInput, listManagedNorms, updateGemeenteNorms } from "@/lib/server/admin/manage-norms";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { runOverdueScan } from "@/lib/server/deadlines/overdue-scan";
import { NotFoundError } from "@/lib/server/errors";
import { jobQueues, startJobs } from "@/lib/server/jobs/start-jobs";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

const DAY = 24 * 60 * 60_000;

/** Puts a case's clock in the past, as if it had been waiting since then. */
async function setDeadline(caseId: string, deadlineAt: Date | null) {
  await prisma.case.update({ where: { id: caseId }, data: { deadlineAt } });
}

async function sideEffects(caseId: string) {
  const [timeline, audit, notifications] = await Promise.all([
    prisma.timelineEntry.findMany({ where: { caseId, kind: { in: ["overdue", "escalated"] } }, orderBy: { createdAt: "asc" } }),
    prisma.auditEvent.findMany({ where: { caseId, action: { in: ["case.overdue", "case.escalate"] } } }),
    prisma.staffNotification.findMany({ where: { caseId, kind: { in: ["caseOverdue", "caseEscalated"] } } }),
  ]);
  return { timeline, audit, notifications };
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

describe("the overdue scan", () => {
  // First in the file: no other test's case is overdue yet, so the totals are exactly ours.
  it("raises each overdue case exactly once when two workers scan at the same moment", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    const cases = await Promise.all([1, 2, 3].map(() => fileCase(parent, caseInput())));
    await claimCase(aanspreekpunt, { caseId: cases[0]!.id });
    const yesterday = new Date(Date.now() - DAY);
    for (const c of cases) await setDeadline(c.id, yesterday);

    const [a, b] = await Promise.all([runOverdueScan(), runOverdueScan()]);
    expect(a.overdue + b.overdue).toBe(3);
    expect(a.escalated + b.escalated).toBe(0);

    for (const c of cases) {
      const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(row.escalationLevel).toBe(1);
      expect(row.overdueAt).not.toBeNull();
      const { timeline, audit, notifications } = await sideEffects(c.id);
      expect(timeline).toHaveLength(1);
      expect(timeline[0]).toMatchObject({ kind: "overdue", visibleToFamily: false, actorId: null });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "case.overdue", actorId: null, actorName: null, caseNumber: c.number });
      const perRecipient = countBy(notifications, (n) => n.userId);
      const expected = c.id === cases[0]!.id ? { [admin.userId]: 1, [aanspreekpunt.userId]: 1 } : { [admin.userId]: 1 };
      expect(perRecipient).toEqual(expected);
      expect(notifications.every((n) => n.kind === "caseOverdue")).toBe(true);
      expect(perRecipient[delftAdmin.userId]).toBeUndefined();
      expect(await prisma.outboxMessage.count({ where: { caseId: c.id, recipient: admin.email, template: "case-overdue" } })).toBe(1);
    }

    // Nothing is left to do: a third run finds the cases at the level the rule gives.
    const again = await runOverdueScan();
    expect(again.overdue + again.escalated).toBe(0);
    for (const c of cases) expect((await sideEffects(c.id)).timeline).toHaveLength(1);
  });

  it("calls in the region's expert team once the case is still overdue five working days after its deadline", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    const { id } = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: id });
    const deadline = endOfAmsterdamDay(addWorkingDays(new Date(Date.now() - 40 * DAY), 0));
    await setDeadline(id, deadline);
    const levelTwoAt = expertEscalationAt(deadline);

    await runOverdueScan({ now: new Date(deadline.getTime() + 60_000) });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).escalationLevel).toBe(1);
    // At the last moment of the fifth working day it is still level 1.
    await runOverdueScan({ now: levelTwoAt });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).escalationLevel).toBe(1);

    await runOverdueScan({ now: new Date(levelTwoAt.getTime() + 1) });
    const row = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(row.escalationLevel).toBe(2);
    // overdueAt keeps the moment the case first went over its deadline.
    expect(row.overdueAt?.getTime()).toBe(deadline.getTime() + 60_000);

    const { timeline, audit, notifications } = await sideEffects(id);
    expect(timeline.map((t) => t.kind)).toEqual(["overdue", "escalated"]);
    expect(timeline.every((t) => !t.visibleToFamily)).toBe(true);
    expect(audit.map((e) => e.action).sort()).toEqual(["case.escalate", "case.overdue"]);
    const escalated = notifications.filter((n) => n.kind === "caseEscalated").map((n) => n.userId);
    expect(escalated).toContain(expert.userId);
    expect(escalated).toContain(admin.userId);
    expect(escalated).not.toContain(aanspreekpunt.userId);
    expect(countBy(escalated, (u) => u)[expert.userId]).toBe(1);

    // Level 2 is the last: nothing more happens.
    await runOverdueScan({ now: new Date(levelTwoAt.getTime() + 30 * DAY) });
    expect((await sideEffects(id)).timeline).toHaveLength(2);
  });

  it("gives a case the scan missed for a while both steps at once", async () => {
    const parent = await makeActor("FAMILY");
    const expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    const { id } = await fileCase(parent, caseInput());
    const deadline = endOfAmsterdamDay(addWorkingDays(new Date(Date.now() - 40 * DAY), 0));
    await setDeadline(id, deadline);

    const run = await runOverdueScan({ now: new Date(deadline.getTime() + 20 * DAY) });
    expect(run.escalated).toBeGreaterThanOrEqual(1);
    const { timeline, audit, notifications } = await sideEffects(id);
    expect(timeline.map((t) => t.kind)).toEqual(["overdue", "escalated"]);
    expect(audit.map((e) => e.action)).toEqual(["case.escalate"]);
    expect(audit[0]!.changes).toMatchObject({ escalationLevel: { old: 0, new: 2 } });
    expect(notifications.filter((n) => n.userId === expert.userId).map((n) => n.kind)).toEqual(["caseEscalated"]);
  });

  it("never escalates a case that waits for the family, nor a closed case", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const waiting = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: waiting.id });
    await requestInfo(aanspreekpunt, { caseId: waiting.id, familyQuestion: "Welke school heeft uw kind het laatst bezocht?" });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: waiting.id } })).deadlineAt).toBeNull();

    const closed = await fileCase(parent, caseInput());
    await withdrawCase(parent, { caseId: closed.id, reason: "Er is toch een plek gevonden." });
    // Even with a deadline left behind in the row, a closed case is not open and not scanned.
    await setDeadline(closed.id, new Date(Date.now() - 30 * DAY));

    await runOverdueScan({ now: new Date(Date.now() + 400 * DAY) });
    for (const id of [waiting.id, closed.id]) {
      const row = await prisma.case.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ escalationLevel: 0, overdueAt: null });
      const { timeline, audit, notifications } = await sideEffects(id);
      expect([timeline.length, audit.length, notifications.length]).toEqual([0, 0, 0]);
    }
  });

  it("starts over when the case moves to another step", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput());
    await setDeadline(id, new Date(Date.now() - DAY));
    await runOverdueScan();
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).escalationLevel).toBe(1);

    await claimCase(aanspreekpunt, { caseId: id });
    const moved = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(moved).toMatchObject({ status: "TRIAGE", escalationLevel: 0, overdueAt: null });
    expect(moved.deadlineAt!.getTime()).toBeGreaterThan(Date.now());

    await runOverdueScan();
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).escalationLevel).toBe(0);
    expect((await sideEffects(id)).timeline).toHaveLength(1);
  });
});

describe("a gemeente's own deadline norms", () => {
  it("change the deadline of a case filed afterwards; another gemeente keeps the default", async () => {
    const parent = await makeActor("FAMILY");
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const before = await fileCase(parent, caseInput());
    const beforeRow = await prisma.case.findUniqueOrThrow({ where: { id: before.id } });

    await updateGemeenteNorms(admin, gemeenteNormsInput.parse({ gemeenteId: admin.memberships[0]!.gemeenteId, SUBMITTED: "10", TRIAGE: "", IN_PROGRESS: "", WITH_EXPERT_TEAM: "", DECISION_PROPOSED: "" }));

    const denHaag = await fileCase(parent, caseInput());
    const delft = await fileCase(parent, caseInput({ ownGemeenteCode: DELFT }));
    const [denHaagRow, delftRow] = await Promise.all([
      prisma.case.findUniqueOrThrow({ where: { id: denHaag.id } }),
      prisma.case.findUniqueOrThrow({ where: { id: delft.id } }),
    ]);
    expect(denHaagRow.deadlineAt).toEqual(deadlineFor("SUBMITTED", denHaagRow.createdAt, { SUBMITTED: 10 }));
    expect(delftRow.deadlineAt).toEqual(deadlineFor("SUBMITTED", delftRow.createdAt));
    // A running clock keeps the deadline it started with.
    expect((await prisma.case.findUniqueOrThrow({ where: { id: before.id } })).deadlineAt).toEqual(beforeRow.deadlineAt);

    const listed = await listManagedNorms(admin);
    const steps = listed[admin.memberships[0]!.gemeenteId!]!.steps;
    expect(steps.find((s) => s.status === "SUBMITTED")).toEqual({ status: "SUBMITTED", own: 10, standard: 2 });
    expect(steps.find((s) => s.status === "TRIAGE")).toEqual({ status: "TRIAGE", own: null, standard: 5 });

    const audit = await prisma.auditEvent.findMany({ where: { action: "gemeente.updateNorms", actorId: admin.userId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toEqual({ norm_SUBMITTED: { old: null, new: 10 } });

    // Back to the default: the gemeente's row is gone and new cases get 2 working days again.
    await updateGemeenteNorms(admin, gemeenteNormsInput.parse({ gemeenteId: admin.memberships[0]!.gemeenteId, SUBMITTED: "", TRIAGE: "", IN_PROGRESS: "", WITH_EXPERT_TEAM: "", DECISION_PROPOSED: "" }));
    expect(await prisma.deadlineNorm.count({ where: { gemeenteId: admin.memberships[0]!.gemeenteId! } })).toBe(0);
    const after = await fileCase(parent, caseInput());
    const afterRow = await prisma.case.findUniqueOrThrow({ where: { id: after.id } });
    expect(afterRow.deadlineAt).toEqual(deadlineFor("SUBMITTED", afterRow.createdAt));
  });

  it("accept whole working days from 1 to 120 or empty, for the steps with a clock only", () => {
    const base = { gemeenteId: "g", SUBMITTED: "", TRIAGE: "", IN_PROGRESS: "", WITH_EXPERT_TEAM: "", DECISION_PROPOSED: "" };
    expect(gemeenteNormsInput.parse({ ...base, TRIAGE: " 1 ", DECISION_PROPOSED: "120" })).toMatchObject({ TRIAGE: 1, DECISION_PROPOSED: 120, SUBMITTED: null });
    for (const bad of ["0", "121", "2.5", "-3", "vijf", "1e2"]) {
      const parsed = gemeenteNormsInput.safeParse({ ...base, TRIAGE: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.path, bad).toEqual(["TRIAGE"]);
    }
    expect(gemeenteNormsInput.safeParse({ ...base, INFO_REQUESTED: "3" }).success).toBe(false);
  });

  it("cannot be changed by the admin of another gemeente, nor by staff who are not an admin", async () => {
    const denHaagAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const denHaagId = denHaagAdmin.memberships[0]!.gemeenteId!;
    const input = gemeenteNormsInput.parse({ gemeenteId: denHaagId, SUBMITTED: "7", TRIAGE: "", IN_PROGRESS: "", WITH_EXPERT_TEAM: "", DECISION_PROPOSED: "" });
    const refused = await Promise.all(
      [
        makeActor("GEMEENTE_ADMIN", { gemeente: DELFT }),
        makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG }),
        makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG }),
        makeActor("PLATFORM_ADMIN"),
        makeActor("FAMILY"),
      ].map(async (made) => updateGemeenteNorms(await made, input).then(() => null, (error: unknown) => error)),
    );
    for (const error of refused) expect(error).toBeInstanceOf(NotFoundError);
    expect(await prisma.deadlineNorm.count({ where: { gemeenteId: denHaagId } })).toBe(0);
    expect(Object.keys(await listManagedNorms(await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT })))).not.toContain(denHaagId);

    await updateGemeenteNorms(denHaagAdmin, input);
    expect(await prisma.deadlineNorm.findMany({ where: { gemeenteId: denHaagId }, select: { status: true, workingDays: true } })).toEqual([
      { status: "SUBMITTED", workingDays: 7 },
    ]);
    await updateGemeenteNorms(denHaagAdmin, { ...input, SUBMITTED: null });
  });
});

describe("the job queue", () => {
  it("runs an overdue-scan job on pg-boss against the database", async () => {
    const parent = await makeActor("FAMILY");
    const { id } = await fileCase(parent, caseInput());
    await setDeadline(id, new Date(Date.now() - DAY));

    const jobs = await startJobs({ connectionString: process.env.DATABASE_URL, schedule: false });
    try {
      expect(jobs.mode).toBe("pg-boss");
      const boss = jobs.boss!;
      const jobId = await boss.send(jobQueues.overdueScan, {});
      expect(jobId).toBeTruthy();
      let state: string | undefined;
      // Bounded polling on the job's own state: pg-boss workers poll every 2 seconds.
      for (let attempt = 0; attempt < 300 && state !== "completed" && state !== "failed"; attempt += 1) {
        state = (await boss.getJobById(jobQueues.overdueScan, jobId!))?.state;
        if (state !== "completed" && state !== "failed") await pause(100);
      }
      expect(state).toBe("completed");
      expect((await prisma.case.findUniqueOrThrow({ where: { id } })).escalationLevel).toBe(1);
      const done = await boss.getJobById<object>(jobQueues.overdueScan, jobId!);
      expect((done?.output as { overdue?: number } | undefined)?.overdue).toBeGreaterThanOrEqual(1);
    } finally {
      await jobs.stop();
    }
    // pg-boss keeps to its own schema.
    const schemas = await prisma.$queryRaw<{ nspname: string }[]>`SELECT nspname FROM pg_namespace WHERE nspname = 'pgboss'`;
    expect(schemas).toHaveLength(1);
  });

  it("falls back to an in-process timer without a PostgreSQL server", async () => {
    const jobs = await startJobs({ connectionString: null });
    expect(jobs.mode).toBe("interval");
    expect(jobs.boss).toBeNull();
    await jobs.stop();
  });
});
