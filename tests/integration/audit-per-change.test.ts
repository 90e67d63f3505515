import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { chainFor } from "@/lib/domain/audit";
import type { CaseActionName } from "@/lib/domain/case-machine";
import { invitationToken } from "@/lib/domain/invitations";
import { prisma } from "@/tests/support/owner-db";
import { addNote } from "@/lib/server/cases/add-note";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { withdrawQuestion } from "@/lib/server/cases/withdraw-question";
import { setUrgency } from "@/lib/server/cases/set-urgency";
import { linkOrganisation } from "@/lib/server/cases/link-organisation";
import { unlinkOrganisation } from "@/lib/server/cases/unlink-organisation";
import { directoryEntryFor, namedInCase } from "../support/organisations";
import { assignCase } from "@/lib/server/cases/assign-case";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { confirmHelpStart } from "@/lib/server/cases/confirm-help-start";
import { refineEvaluation } from "@/lib/server/cases/refine-evaluation";
import { correctDecision } from "@/lib/server/cases/correct-decision";
import { declareInadmissible } from "@/lib/server/cases/declare-inadmissible";
import { fileCase } from "@/lib/server/cases/file-case";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { openCase } from "@/lib/server/cases/open-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { transferCase } from "@/lib/server/cases/transfer-case";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { addDocument } from "@/lib/server/documents/add-document";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { reportAssignment } from "@/lib/server/monitoring/report-assignment";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { caseInput, closingInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

/**
 * Every service that changes a case writes exactly one audit event, in the
 * same transaction as the change: when the transaction fails after the event
 * was written, neither the change nor the event remains. The table of changes
 * is typed by the state machine's actions, so a new action cannot be left out.
 */

const SECRET = "integration-test-secret-for-audit-per-change";
process.env.AUTH_SECRET = SECRET;

type Stage = "SUBMITTED" | "TRIAGE" | "IN_PROGRESS" | "INFO_REQUESTED" | "WITH_EXPERT_TEAM" | "DECISION_PROPOSED" | "DECIDED" | "CLOSED";
type Fixture = { id: string; number: string; decisionId: string; assignmentIds: string[] };
type Change = {
  stage: Stage | null;
  /** A step the change needs first (an invitation to accept or revoke); its result goes to run */
  prepare?: (c: Fixture) => Promise<string>;
  run: (c: Fixture, prepared: string) => Promise<unknown>;
};
type ChangeName = CaseActionName | "case.file" | "case.addDocument" | "case.invite" | "case.acceptInvitation" | "case.revokeInvitation";

let parent: Actor, supporter: Actor, aanspreekpunt: Actor, colleague: Actor, expert: Actor, decider: Actor, otherDecider: Actor;
const today = dayFromNow();
const inDays = (n: number) => dayFromNow(n);
const onePixelPng = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6a3d20000000049454e44ae426082",
  "hex",
);
const assignments = [
  { party: "Samenwerkingsverband", description: "Een plek op school met zorg", dueOn: inDays(30), payer: "Samenwerkingsverband" },
  { party: "Zorgaanbieder De Brug", description: "Begeleiding op school", dueOn: inDays(40), payer: "Gemeente" },
];
const closing = { result: "RESOLVED", closingNote: "De hulp is geregeld.", causes: ["WAITING_LIST"], organisationKinds: ["SCHOOL"], outcome: "LOCAL_AGREEMENT", blockedNote: null, breakthroughNote: "Het besluit legde vast wie betaalt." } as const;

async function caseAt(stage: Stage): Promise<Fixture> {
  const filed = await fileCase(parent, caseInput());
  const fixture: Fixture = { id: filed.id, number: filed.number, decisionId: "", assignmentIds: [] };
  if (stage === "SUBMITTED") return fixture;
  await claimCase(aanspreekpunt, { caseId: filed.id });
  if (stage === "TRIAGE") return fixture;
  if (stage === "INFO_REQUESTED") {
    await requestInfo(aanspreekpunt, { caseId: filed.id, familyQuestion: "Welke school heeft uw kind het laatst bezocht?" });
    return fixture;
  }
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school." });
  if (stage === "IN_PROGRESS") return fixture;
  if (stage === "CLOSED") {
    await closeCase(aanspreekpunt, closingInput(filed.id));
    return fixture;
  }
  await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
  if (stage === "WITH_EXPERT_TEAM") return fixture;
  await proposeDecision(expert, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand neemt de regie." });
  if (stage === "DECISION_PROPOSED") return fixture;
  const { decisionId } = await recordDecision(decider, { caseId: filed.id, legalBasis: "Jeugdwet artikel 2.3", rationale: "Het kind heeft recht op hulp.", assignments });
  const rows = await prisma.assignment.findMany({ where: { decisionId }, orderBy: { dueOn: "asc" }, select: { id: true } });
  return { ...fixture, decisionId, assignmentIds: rows.map((r) => r.id) };
}

const changes: Record<ChangeName, Change> = {
  "case.file": { stage: null, run: () => fileCase(parent, caseInput()) },
  "case.claim": { stage: "SUBMITTED", run: (c) => claimCase(aanspreekpunt, { caseId: c.id }) },
  "case.startLocal": { stage: "TRIAGE", run: (c) => startLocal(aanspreekpunt, { caseId: c.id, note: "Overleg met school." }) },
  "case.requestInfo": { stage: "TRIAGE", run: (c) => requestInfo(aanspreekpunt, { caseId: c.id, familyQuestion: "Welke school was het laatst?" }) },
  "case.answer": { stage: "INFO_REQUESTED", run: (c) => answerInfo(parent, { caseId: c.id, answer: "De Linde, tot de zomer." }) },
  "case.withdrawQuestion": {
    stage: "INFO_REQUESTED",
    run: (c) => withdrawQuestion(aanspreekpunt, { caseId: c.id, withdrawReason: "De school heeft het al verteld." }),
  },
  "case.refer": { stage: "IN_PROGRESS", run: (c) => referCase(aanspreekpunt, { caseId: c.id, ...referralFacts(), question: "Graag een analyse van de situatie." }) },
  "case.logIntervention": {
    stage: "WITH_EXPERT_TEAM",
    run: (c) =>
      logIntervention(expert, { caseId: c.id, type: "CONSULTATION", occurredOn: today, participants: "Leerplicht", familyInvolved: false, outcome: "Advies gegeven.", nextStep: null }),
  },
  "case.propose": { stage: "WITH_EXPERT_TEAM", run: (c) => proposeDecision(expert, { caseId: c.id, proposal: "Een plek met zorg.", rationale: "Niemand neemt de regie." }) },
  "case.decide": {
    stage: "DECISION_PROPOSED",
    run: (c) => recordDecision(decider, { caseId: c.id, legalBasis: "Jeugdwet artikel 2.3", rationale: "Het kind heeft recht op hulp.", assignments }),
  },
  "case.assign": { stage: "TRIAGE", run: (c) => assignCase(aanspreekpunt, { caseId: c.id, assigneeId: colleague.userId }) },
  "case.note": { stage: "TRIAGE", run: (c) => addNote(aanspreekpunt, { caseId: c.id, staffNote: "School wil meedenken." }) },
  "case.linkOrganisation": {
    stage: "TRIAGE",
    run: async (c) => linkOrganisation(aanspreekpunt, { caseId: c.id, organisationId: await directoryEntryFor(c.id), part: "REFUSED" }),
  },
  "case.unlinkOrganisation": {
    stage: "TRIAGE",
    run: async (c) => unlinkOrganisation(aanspreekpunt, { caseId: c.id, caseOrganisationId: await namedInCase(c.id, aanspreekpunt.userId) }),
  },
  "case.setUrgency": {
    stage: "INFO_REQUESTED",
    run: (c) => setUrgency(aanspreekpunt, { caseId: c.id, urgency: "CRISIS", urgencyReason: "Het kind is van huis weggelopen." }),
  },
  "case.transfer": {
    stage: "TRIAGE",
    run: (c) => transferCase(aanspreekpunt, { caseId: c.id, toGemeenteCode: DELFT, transferReason: "Het kind woont sinds kort in Delft.", expertAgreement: null }),
  },
  "case.declareInadmissible": {
    stage: "TRIAGE",
    run: (c) => declareInadmissible(aanspreekpunt, { caseId: c.id, inadmissibleReason: "Er is al passende hulp gestart.", complaintRoute: "Bel de klachtenlijn van de gemeente." }),
  },
  "case.close": { stage: "IN_PROGRESS", run: (c) => closeCase(aanspreekpunt, { caseId: c.id, ...closing, causes: [...closing.causes], organisationKinds: [...closing.organisationKinds], helpStartedOn: today }) },
  "case.refineEvaluation": {
    stage: "CLOSED",
    run: (c) => refineEvaluation(aanspreekpunt, { ...closingInput(c.id), causes: ["NO_MANDATE"], organisationKinds: ["GEMEENTE"], outcome: "MAATWERK" }),
  },
  "case.confirmHelpStart": { stage: "CLOSED", run: (c) => confirmHelpStart(parent, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null }) },
  "case.settleAssignment": {
    stage: "DECIDED",
    run: (c) => settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId: c.assignmentIds[0]!, outcome: "DONE", statusNote: "De plek is geregeld." }),
  },
  "case.reportAssignment": {
    stage: "DECIDED",
    run: (c) => reportAssignment(parent, { caseId: c.id, assignmentId: c.assignmentIds[0]!, reportNote: "Er is niemand gekomen." }),
  },
  "case.correctDecision": {
    stage: "DECIDED",
    run: (c) =>
      correctDecision(otherDecider, {
        caseId: c.id,
        decisionId: c.decisionId,
        correctionReason: "De datum in het besluit was verkeerd.",
        legalBasis: "Jeugdwet artikel 2.3",
        rationale: "Het kind heeft recht op hulp.",
        assignments,
      }),
  },
  "case.withdraw": { stage: "TRIAGE", run: (c) => withdrawCase(parent, { caseId: c.id, reason: "De school heeft zelf een plek gevonden." }) },
  "case.addDocument": { stage: "TRIAGE", run: (c) => addDocument(parent, { caseId: c.id, fileName: "scan.png", content: new Uint8Array(onePixelPng) }) },
  "case.invite": { stage: "TRIAGE", run: (c) => inviteToCase(parent, { caseId: c.id, email: supporter.email, role: "CLIENT_SUPPORTER" }) },
  "case.acceptInvitation": {
    stage: "TRIAGE",
    prepare: async (c) => {
      await inviteToCase(parent, { caseId: c.id, email: supporter.email, role: "CLIENT_SUPPORTER" });
      const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { caseId: c.id, template: "case-invitation" } });
      return invitationToken(SECRET, mail.id);
    },
    run: (_c, token) => acceptInvitation(supporter, { token }),
  },
  "case.revokeInvitation": {
    stage: "TRIAGE",
    prepare: async (c) => (await inviteToCase(parent, { caseId: c.id, email: "iemand@voorbeeld.nl", role: "PROFESSIONAL" })).invitationId,
    run: (c, invitationId) => revokeInvitation(parent, { caseId: c.id, invitationId }),
  },
};

async function snapshot(caseId: string) {
  const [events, row, timeline] = await Promise.all([
    prisma.auditEvent.count({ where: { chain: chainFor(caseId) } }),
    prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } }),
    prisma.timelineEntry.count({ where: { caseId } }),
  ]);
  return { events, version: row.version, timeline };
}

/**
 * A trigger that makes every transaction fail at its very last audit step,
 * after the event itself was inserted: moving the chain's head.
 */
let admin: pg.Client;
async function failAtChainHead(on: boolean): Promise<void> {
  if (on) {
    await admin.query(`CREATE OR REPLACE FUNCTION test_fail_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'failing on purpose after the audit event was written'; END; $$`);
    await admin.query(`CREATE TRIGGER test_fail_chain_head BEFORE UPDATE ON "AuditChainHead" FOR EACH ROW EXECUTE FUNCTION test_fail_chain_head()`);
  } else {
    await admin.query(`DROP TRIGGER IF EXISTS test_fail_chain_head ON "AuditChainHead"`);
  }
}

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  supporter = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  otherDecider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  admin = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await admin.connect();
});

afterAll(async () => {
  await failAtChainHead(false);
  await admin.end();
});

const noCase: Fixture = { id: "", number: "", decisionId: "", assignmentIds: [] };

describe.each(Object.entries(changes))("%s", (name, change) => {
  it("writes exactly one audit event of its own, with the change", async () => {
    if (change.stage === null) {
      const filed = (await change.run(noCase, "")) as { id: string };
      const events = await prisma.auditEvent.findMany({ where: { chain: chainFor(filed.id) } });
      expect(events.map((e) => e.action)).toEqual([name]);
      return;
    }
    const c = await caseAt(change.stage);
    const prepared = (await change.prepare?.(c)) ?? "";
    const was = await snapshot(c.id);
    await change.run(c, prepared);
    const events = await prisma.auditEvent.findMany({ where: { chain: chainFor(c.id) }, orderBy: { seq: "asc" }, skip: was.events });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([[name, "SUCCESS"]]);
  });

  it("leaves neither the change nor an event when its transaction fails after the event was written", async () => {
    if (change.stage === null) {
      const cases = await prisma.case.count();
      const events = await prisma.auditEvent.count();
      await failAtChainHead(true);
      try {
        await expect(change.run(noCase, "")).rejects.toThrow(/failing on purpose/);
      } finally {
        await failAtChainHead(false);
      }
      expect(await prisma.case.count()).toBe(cases);
      expect(await prisma.auditEvent.count()).toBe(events);
      return;
    }
    const c = await caseAt(change.stage);
    const prepared = (await change.prepare?.(c)) ?? "";
    const was = await snapshot(c.id);
    await failAtChainHead(true);
    try {
      await expect(change.run(c, prepared)).rejects.toThrow(/failing on purpose/);
    } finally {
      await failAtChainHead(false);
    }
    expect(await snapshot(c.id)).toEqual(was);
  });
});

describe("reading a case", () => {
  it("writes one read event for staff who open it, in the case's chain", async () => {
    const c = await caseAt("TRIAGE");
    const was = await snapshot(c.id);
    await openCase(aanspreekpunt, c.number);
    const events = await prisma.auditEvent.findMany({ where: { chain: chainFor(c.id) }, orderBy: { seq: "asc" }, skip: was.events });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "case.read", outcome: "SUCCESS", actorId: aanspreekpunt.userId, actorRole: "AANSPREEKPUNT", caseNumber: c.number });
  });
});
