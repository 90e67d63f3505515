import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { auditHash, hashedFieldsOf } from "@/lib/domain/audit";
import { correctDecisionInput, logInterventionInput, type AssignmentInput } from "@/lib/domain/inputs";
import { procesregieFactsOf, procesregieStep } from "@/lib/domain/procesregie";
import { claimCase } from "@/lib/server/cases/claim-case";
import { correctDecision, SUPERSEDED_NOTE } from "@/lib/server/cases/correct-decision";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { listProcesregieSteps } from "@/lib/server/cases/list-procesregie-steps";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { openCase } from "@/lib/server/cases/open-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { readAuditTrail } from "@/lib/server/cases/read-audit-trail";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const inAMonth = dayFromNow(30);
const inTwoMonths = dayFromNow(60);
const today = dayFromNow();
const INTERNAL = "Vertrouwelijk: spanning tussen school en aanbieder, niet voor het gezin";

const assignment = (party: string, dueOn = inAMonth): AssignmentInput => ({
  party,
  description: `Opdracht voor ${party}`,
  dueOn,
  payer: "Gemeente Den Haag",
});

let parent: Actor, aanspreekpunt: Actor, expert: Actor, decider: Actor, otherDecider: Actor, ombudsman: Actor;
let deciderDelft: Actor, proposerAndDecider: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  otherDecider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  deciderDelft = await makeActor("DECISION_HOLDER", { gemeente: DELFT });
  ombudsman = await makeActor("OMBUDSMAN");
  // An expert who is also a decision holder of the gemeente: four eyes must still hold for them.
  const both = await makeActor("EXPERT", { region: HAAGLANDEN });
  const denHaag = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });
  await prisma.membership.create({ data: { userId: both.userId, role: "DECISION_HOLDER", gemeenteId: denHaag.id } });
  proposerAndDecider = { ...both, memberships: [...both.memberships, { role: "DECISION_HOLDER", gemeenteId: denHaag.id, regionId: null }] };
});

/** A case of Den Haag, filed by the parent, claimed and referred to the expert team. */
async function referredCase() {
  const filed = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
  return filed;
}

/** A referred case with a proposal by `proposer` and a decision by `decidedBy` with the given assignments. */
async function decidedCase(proposer: Actor, decidedBy: Actor, assignments = [assignment("Zorgaanbieder X"), assignment("School Y")]) {
  const filed = await referredCase();
  await proposeDecision(proposer, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand neemt de regie." });
  const { decisionId } = await recordDecision(decidedBy, {
    caseId: filed.id,
    legalBasis: "Jeugdwet art. 2.3",
    rationale: "Het kind heeft recht op passende hulp.",
    assignments,
  });
  return { ...filed, decisionId };
}

async function snapshot(caseId: string) {
  const [row, timeline, audit, decisions, assignments] = await Promise.all([
    prisma.case.findUniqueOrThrow({ where: { id: caseId } }),
    prisma.timelineEntry.count({ where: { caseId } }),
    prisma.auditEvent.count({ where: { caseId } }),
    prisma.decision.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } }),
    prisma.assignment.findMany({ where: { decision: { caseId } }, orderBy: { createdAt: "asc" } }),
  ]);
  return { status: row.status, version: row.version, timeline, audit, decisions, assignments };
}

const correction = (caseId: string, decisionId: string) => ({
  caseId,
  decisionId,
  correctionReason: "De school kan de plek pas later bieden dan afgesproken.",
  legalBasis: "Jeugdwet art. 2.3 en de regionale afspraken",
  rationale: "Een andere school biedt nu een plek met zorg.",
  assignments: [assignment("School Z", inTwoMonths)],
});

describe("four eyes on decisions and corrections", () => {
  it("refuses the proposer who records the decision, and audits the refusal", async () => {
    const filed = await referredCase();
    await proposeDecision(proposerAndDecider, { caseId: filed.id, proposal: "Doorzetten met een plek.", rationale: "Het loopt al maanden vast." });
    const before = await snapshot(filed.id);
    await expect(
      recordDecision(proposerAndDecider, { caseId: filed.id, legalBasis: "Jeugdwet art. 2.3", rationale: "Het kind heeft recht op hulp.", assignments: [assignment("Aanbieder")] }),
    ).rejects.toMatchObject({ code: "fourEyes" });
    expect(await snapshot(filed.id)).toEqual({ ...before, audit: before.audit + 1 });
    const refusal = await prisma.auditEvent.findFirst({ where: { caseId: filed.id }, orderBy: { seq: "desc" } });
    expect(refusal).toMatchObject({ action: "case.decide", outcome: "DENIED", actorId: proposerAndDecider.userId });
  });

  it("refuses the proposer of the original proposal who corrects the decision, and audits the refusal", async () => {
    const decided = await decidedCase(proposerAndDecider, decider);
    const before = await snapshot(decided.id);
    await expect(correctDecision(proposerAndDecider, correction(decided.id, decided.decisionId))).rejects.toMatchObject({ code: "fourEyes" });

    const after = await snapshot(decided.id);
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    expect(after.assignments.every((a) => a.status === "OPEN")).toBe(true);
    const refusal = await prisma.auditEvent.findFirst({ where: { caseId: decided.id }, orderBy: { seq: "desc" } });
    expect(refusal).toMatchObject({ action: "case.correctDecision", outcome: "DENIED", actorId: proposerAndDecider.userId, actorRole: "DECISION_HOLDER" });

    // The one who recorded the decision may correct it: the rule is about the proposal.
    await expect(correctDecision(decider, correction(decided.id, decided.decisionId))).resolves.toMatchObject({ decisionId: expect.any(String) });
  });

  it("offers the proposer no correction form, and another decision holder one", async () => {
    const decided = await decidedCase(proposerAndDecider, decider);
    const asProposer = await openCase(proposerAndDecider, decided.number);
    expect(asProposer.actions).toContain("case.correctDecision");
    expect(asProposer.proposerIsActor).toBe(true);
    const asOther = await openCase(otherDecider, decided.number);
    expect(asOther.actions).toContain("case.correctDecision");
    expect(asOther.proposerIsActor).toBe(false);
  });
});

describe("correcting a decision", () => {
  it("records a new decision that supersedes the old one, which stays with its assignments and its audit events", async () => {
    const decided = await decidedCase(expert, decider);
    // One assignment was already carried out before the correction; it stays done.
    const [first, second] = await prisma.assignment.findMany({ where: { decisionId: decided.decisionId }, orderBy: { party: "asc" } });
    await prisma.assignment.update({ where: { id: second!.id }, data: { status: "DONE", statusNote: "Gestart op 1 maart", statusAt: new Date() } });
    const before = await snapshot(decided.id);
    const auditBefore = await prisma.auditEvent.findMany({ where: { caseId: decided.id }, orderBy: { seq: "asc" } });
    await prisma.outboxMessage.deleteMany({ where: { caseId: decided.id } });

    const { decisionId } = await correctDecision(otherDecider, correction(decided.id, decided.decisionId));

    const after = await snapshot(decided.id);
    // No change of step: the case is still decided, and only one newer version.
    expect(after.status).toBe("DECIDED");
    expect(after.version).toBe(before.version + 1);
    expect(after.decisions.map((d) => d.id)).toEqual([decided.decisionId, decisionId]);
    const [old, fresh] = after.decisions;
    // The old decision is unchanged; the new one points at it.
    expect(old).toEqual(before.decisions[0]);
    expect(fresh).toMatchObject({ supersedesId: decided.decisionId, decidedById: otherDecider.userId, proposalId: old!.proposalId, legalBasis: "Jeugdwet art. 2.3 en de regionale afspraken" });

    // The old assignments are kept: the open one ended with the reason, the done one untouched.
    const oldAssignments = await prisma.assignment.findMany({ where: { decisionId: decided.decisionId } });
    expect(oldAssignments).toHaveLength(2);
    expect(oldAssignments.find((a) => a.id === first!.id)).toMatchObject({ status: "ENDED", statusNote: SUPERSEDED_NOTE, statusById: otherDecider.userId });
    expect(oldAssignments.find((a) => a.id === second!.id)).toMatchObject({ status: "DONE", statusNote: "Gestart op 1 maart" });
    expect(await prisma.assignment.findMany({ where: { decisionId } })).toEqual([expect.objectContaining({ party: "School Z", status: "OPEN" })]);

    // The old audit events are all still there, unchanged, followed by the correction.
    const auditAfter = await prisma.auditEvent.findMany({ where: { caseId: decided.id }, orderBy: { seq: "asc" } });
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.map((e) => e.action)).toContain("case.decide");
    const last = auditAfter.at(-1)!;
    expect(last).toMatchObject({ action: "case.correctDecision", outcome: "SUCCESS", actorId: otherDecider.userId, actorRole: "DECISION_HOLDER" });
    expect(last.changes).toMatchObject({ decisionId: { old: decided.decisionId, new: decisionId }, endedAssignments: { new: 1 } });
    expect(last.prevHash).toBe(auditBefore.at(-1)!.hash);

    // The chain still verifies for the ombudsman.
    const trail = await readAuditTrail(ombudsman, decided.number);
    trail.events.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? null : trail.events[i - 1]!.hash);
      expect(auditHash(hashedFieldsOf(e))).toBe(e.hash);
    });

    // The family sees both decisions, the old one marked as replaced, and a timeline entry; they hear that something changed.
    const family = await followCase(parent, decided.number);
    expect(family.decisions.map((d) => [d.id, d.supersedesId, d.supersededBy !== null])).toEqual([
      [decided.decisionId, null, true],
      [decisionId, decided.decisionId, false],
    ]);
    expect(family.decisions[0]!.assignments.map((a) => a.status).sort()).toEqual(["DONE", "ENDED"]);
    expect(family.timeline.at(-1)?.kind).toBe("decisionCorrected");
    const mail = await prisma.outboxMessage.findMany({ where: { caseId: decided.id } });
    expect(mail.map((m) => [m.recipient, m.template])).toEqual([[parent.email, "case-updated"]]);

    // Staff see the reason in the timeline.
    const staff = await openCase(decider, decided.number);
    expect(staff.case.timeline.at(-1)).toMatchObject({ kind: "decisionCorrected", body: "De school kan de plek pas later bieden dan afgesproken." });
  });

  it("corrects a correction, and refuses a form that shows a decision already replaced", async () => {
    const decided = await decidedCase(expert, decider);
    const { decisionId: second } = await correctDecision(otherDecider, correction(decided.id, decided.decisionId));
    const before = await snapshot(decided.id);
    // Someone still looking at the first decision loses the race: nothing changes.
    await expect(correctDecision(decider, correction(decided.id, decided.decisionId))).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(decided.id)).toEqual(before);

    const { decisionId: third } = await correctDecision(decider, correction(decided.id, second));
    const chain = await prisma.decision.findMany({ where: { caseId: decided.id }, orderBy: { createdAt: "asc" }, select: { id: true, supersedesId: true } });
    expect(chain).toEqual([
      { id: decided.decisionId, supersedesId: null },
      { id: second, supersedesId: decided.decisionId },
      { id: third, supersedesId: second },
    ]);
  });

  it("works while the case is monitored, without changing its step", async () => {
    const decided = await decidedCase(expert, decider);
    await prisma.case.update({ where: { id: decided.id }, data: { status: "MONITORING" } });
    await correctDecision(otherDecider, correction(decided.id, decided.decisionId));
    expect((await prisma.case.findUniqueOrThrow({ where: { id: decided.id } })).status).toBe("MONITORING");
  });

  it("is refused before a decision, to other roles, and to another gemeente", async () => {
    const filed = await referredCase();
    await proposeDecision(expert, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand neemt de regie." });
    await expect(correctDecision(decider, correction(filed.id, "no-decision-yet"))).rejects.toMatchObject({ code: "wrongState" });

    const decided = await decidedCase(expert, decider);
    const before = await snapshot(decided.id);
    for (const actor of [aanspreekpunt, expert, parent, ombudsman, deciderDelft]) {
      await expect(correctDecision(actor, correction(decided.id, decided.decisionId)), actor.memberships[0]!.role).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot(decided.id)).toEqual(before);
  });

  it("requires a reason and at least one assignment", () => {
    const parsed = correctDecisionInput.safeParse({ ...correction("c1", "d1"), correctionReason: "", assignments: [] });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["correctionReason", "assignments"]));
  });
});

describe("the intervention log", () => {
  it("stores how the family took part and an internal note that the family never sees and the audit trail never holds", async () => {
    const filed = await referredCase();
    const input = logInterventionInput.parse({
      caseId: filed.id,
      type: "CASE_CONFERENCE",
      occurredOn: today,
      participants: "Moeder, Sam, school, zorgaanbieder",
      familyInvolved: "on",
      childInvolved: "on",
      involvementNote: "Moeder was bij het overleg; Sam vertelde zelf wat hij wil.",
      outcome: "Afspraken gemaakt over een plek.",
      nextStep: "Over twee weken opnieuw bij elkaar.",
      internalNote: INTERNAL,
    });
    await logIntervention(expert, input);
    await logIntervention(expert, {
      caseId: filed.id,
      type: "CONSULTATION",
      occurredOn: today,
      participants: "Leerplicht",
      familyInvolved: false,
      childInvolved: false,
      involvementNote: null,
      outcome: "Advies over een tijdelijke vrijstelling.",
      nextStep: null,
      internalNote: null,
    });

    const family = await followCase(parent, filed.number);
    expect(family.interventions).toHaveLength(2);
    expect(family.interventions[0]).toEqual({
      id: expect.any(String),
      type: "CASE_CONFERENCE",
      occurredOn: new Date(`${today}T00:00:00Z`),
      participants: "Moeder, Sam, school, zorgaanbieder",
      familyInvolved: true,
      childInvolved: true,
      involvementNote: "Moeder was bij het overleg; Sam vertelde zelf wat hij wil.",
      outcome: "Afspraken gemaakt over een plek.",
      nextStep: "Over twee weken opnieuw bij elkaar.",
    });
    expect(family.interventions[1]).toMatchObject({ type: "CONSULTATION", familyInvolved: false, childInvolved: false });
    expect(JSON.stringify(family)).not.toContain(INTERNAL);

    const staff = await openCase(expert, filed.number);
    expect(staff.case.interventions.map((i) => i.internalNote)).toEqual([INTERNAL, null]);
    expect(staff.names.get(expert.userId)).toBe(expert.name);

    const events = await prisma.auditEvent.findMany({ where: { caseId: filed.id, action: "case.logIntervention" }, orderBy: { seq: "asc" } });
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(INTERNAL);
    expect(events[0]!.changes).toMatchObject({ childInvolved: { new: true }, familyInvolved: { new: true }, internalNote: { new: "[afgeschermd]" } });
    expect(events[1]!.changes).toMatchObject({ internalNote: { new: null } });
  });

  it("reads unticked boxes as 'did not take part' and leaves out empty notes", () => {
    const parsed = logInterventionInput.parse({
      caseId: "c1",
      type: "ANALYSIS",
      occurredOn: today,
      participants: "Expertteam",
      outcome: "Analyse gemaakt.",
      involvementNote: "",
      internalNote: "  ",
    });
    expect(parsed).toMatchObject({ familyInvolved: false, childInvolved: false, involvementNote: null, internalNote: null, nextStep: null });
  });

  it("is refused to the expert team of another region", async () => {
    const filed = await referredCase();
    const otherRegion = await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN }, expertTeam: { isNot: null } } });
    const elsewhere = await makeActor("EXPERT", { region: otherRegion.code });
    await expect(
      logIntervention(elsewhere, { caseId: filed.id, type: "OTHER", occurredOn: today, participants: "Niemand", familyInvolved: false, outcome: "Niets gedaan.", nextStep: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.intervention.count({ where: { caseId: filed.id } })).toBe(0);
  });
});

describe("the step of procesregie through a case's life", () => {
  it("moves from intake to analysis and plan, to monitoring, to scaling down and closing", async () => {
    const filed = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
    const step = async () => procesregieStep(procesregieFactsOf((await openCase(decider, filed.number)).case));

    await claimCase(aanspreekpunt, { caseId: filed.id });
    expect(await step()).toBeNull();
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
    expect(await step()).toBe("INTAKE");
    expect((await listProcesregieSteps(expert, [filed.id])).get(filed.id)).toBe("INTAKE");

    await logIntervention(expert, { caseId: filed.id, type: "ANALYSIS", occurredOn: today, participants: "Expertteam", familyInvolved: false, outcome: "Analyse gemaakt.", nextStep: null });
    expect(await step()).toBe("ANALYSIS_AND_PLAN");
    await proposeDecision(expert, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand neemt de regie." });
    expect(await step()).toBe("ANALYSIS_AND_PLAN");
    const { decisionId } = await recordDecision(decider, {
      caseId: filed.id,
      legalBasis: "Jeugdwet art. 2.3",
      rationale: "Het kind heeft recht op passende hulp.",
      assignments: [assignment("Zorgaanbieder X")],
    });
    expect(await step()).toBe("MONITORING");
    expect((await listProcesregieSteps(expert, [filed.id])).get(filed.id)).toBe("MONITORING");

    await prisma.assignment.updateMany({ where: { decisionId }, data: { status: "DONE", statusAt: new Date() } });
    expect(await step()).toBe("CLOSING");
    expect((await listProcesregieSteps(expert, [filed.id])).get(filed.id)).toBe("CLOSING");
  });

  it("answers only for the expert's own region's cases", async () => {
    const filed = await referredCase();
    const notReferred = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG }));
    const otherRegion = await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN } } });
    const elsewhere = await makeActor("EXPERT", { region: otherRegion.code });
    expect([...(await listProcesregieSteps(expert, [filed.id, notReferred.id])).keys()]).toEqual([filed.id]);
    expect((await listProcesregieSteps(elsewhere, [filed.id])).size).toBe(0);
  });
});
