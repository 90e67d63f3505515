import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { closeCaseInput } from "@/lib/domain/inputs";
import { prisma } from "@/tests/support/owner-db";
import { runAction } from "@/lib/server/action";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { confirmHelpStart } from "@/lib/server/cases/confirm-help-start";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { openCase } from "@/lib/server/cases/open-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { refineEvaluation } from "@/lib/server/cases/refine-evaluation";
import { startLocal } from "@/lib/server/cases/start-local";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { ConflictError, DomainError, NotFoundError } from "@/lib/server/errors";
import { caseInput, closingInput, DELFT, DEN_HAAG, makeActor, referralFacts } from "../support/factories";

// runAction sends queued mail after the response; there is no response here.
vi.mock("next/server", () => ({ after: () => undefined }));

const DAY = 86_400_000;
const today = () => amsterdamDay(new Date());

let parent: Actor, otherParent: Actor, professional: Actor, aanspreekpunt: Actor, delft: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  otherParent = await makeActor("FAMILY");
  professional = await makeActor("PROFESSIONAL");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
});

/** A Den Haag case in a local breakthrough attempt, filed some days ago. */
async function caseInProgress(filedDaysAgo = 10) {
  const filed = await fileCase(parent, caseInput());
  await prisma.case.update({ where: { id: filed.id }, data: { createdAt: new Date(Date.now() - filedDaysAgo * DAY) } });
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school gepland." });
  return filed;
}

async function closedCase(helpStartedOn = today()) {
  const filed = await caseInProgress();
  await closeCase(aanspreekpunt, closingInput(filed.id, { helpStartedOn }));
  return filed;
}

async function stateOf(caseId: string) {
  const [row, evaluation, events] = await Promise.all([
    prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true } }),
    prisma.caseEvaluation.findUnique({ where: { caseId } }),
    prisma.auditEvent.count({ where: { caseId } }),
  ]);
  return { ...row, evaluation, events };
}

/** The form as the close action receives it: lists as arrays, everything else as text. */
function closeForm(caseId: string, overrides: Record<string, unknown> = {}) {
  return {
    caseId,
    result: "RESOLVED",
    closingNote: "De hulp is geregeld.",
    causes: ["WAITING_LIST"],
    organisationKinds: ["SCHOOL"],
    outcome: "LOCAL_AGREEMENT",
    helpStartedOn: today(),
    blockedNote: "",
    breakthroughNote: "Een gesprek met iedereen samen.",
    ...overrides,
  };
}

describe("closing with the evaluation", () => {
  it("is refused without causes, organisation kinds or outcome, with a message at each field, and saves nothing", async () => {
    const c = await caseInProgress();
    const before = await stateOf(c.id);
    const result = await runAction(closeCaseInput, closeForm(c.id, { causes: [], organisationKinds: [], outcome: "" }), {}, (p) => closeCase(aanspreekpunt, p));
    expect(result).toMatchObject({
      ok: false,
      error: "checkFields",
      fieldErrors: { causes: "pickOne", organisationKinds: "pickOne", outcome: "required" },
    });
    expect(await stateOf(c.id)).toEqual(before);
    expect(before.evaluation).toBeNull();
  });

  it("is refused without the day help started unless not solved", async () => {
    const c = await caseInProgress();
    const before = await stateOf(c.id);
    const refused = await runAction(closeCaseInput, closeForm(c.id, { helpStartedOn: "" }), {}, (p) => closeCase(aanspreekpunt, p));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { helpStartedOn: "helpStartRequired" } });
    expect(await stateOf(c.id)).toEqual(before);

    const closed = await runAction(closeCaseInput, closeForm(c.id, { outcome: "NOT_SOLVED", helpStartedOn: "" }), {}, (p) => closeCase(aanspreekpunt, p));
    expect(closed).toMatchObject({ ok: true });
    expect(await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({
      outcome: "NOT_SOLVED",
      helpStartedOn: null,
      helpStartSource: null,
    });
  });

  it("refuses a day before the case was filed at the field, and saves nothing", async () => {
    const c = await caseInProgress(10);
    const before = await stateOf(c.id);
    const early = amsterdamDay(new Date(Date.now() - 20 * DAY));
    const result = await runAction(closeCaseInput, closeForm(c.id, { helpStartedOn: early }), {}, (p) => closeCase(aanspreekpunt, p));
    expect(result).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { helpStartedOn: "beforeFiling" } });
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("stores the staff's day as STAFF and audits causes, kinds and outcome", async () => {
    const day = amsterdamDay(new Date(Date.now() - 3 * DAY));
    const c = await closedCase(day);
    const stored = await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(stored).toMatchObject({
      blockers: ["WAITING_LIST", "FUNDING"],
      organisationKinds: ["SCHOOL", "SAMENWERKINGSVERBAND"],
      outcome: "DECISION",
      helpStartedOn: new Date(`${day}T00:00:00Z`),
      helpStartSource: "STAFF",
      helpStartConfirmedAt: null,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.close" } });
    expect(event.changes).toMatchObject({
      causes: { old: null, new: ["WAITING_LIST", "FUNDING"] },
      organisationKinds: { old: null, new: ["SCHOOL", "SAMENWERKINGSVERBAND"] },
      outcome: { old: null, new: "DECISION" },
      helpStartedOn: { old: null, new: day },
    });
  });
});

describe("referring with causes", () => {
  it("stores the causes and organisation kinds on the referral, for the closing form to start from", async () => {
    const c = await caseInProgress();
    await referCase(aanspreekpunt, { caseId: c.id, question: "Kan het expertteam meedenken?", ...referralFacts() });
    const view = await openCase(aanspreekpunt, c.number);
    expect(view.case.referrals.at(-1)).toMatchObject(referralFacts());
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.refer" } });
    expect(event.changes).toMatchObject({ causes: { new: referralFacts().causes }, organisationKinds: { new: referralFacts().organisationKinds } });
  });
});

describe("refining the evaluation of a closed case", () => {
  it("changes what was given, audits old and new, and marks who changed it when", async () => {
    const c = await closedCase();
    const newDay = amsterdamDay(new Date(Date.now() - 2 * DAY));
    const result = await refineEvaluation(aanspreekpunt, {
      caseId: c.id,
      causes: ["NO_MANDATE", "WAITING_LIST"],
      organisationKinds: ["SCHOOL", "SAMENWERKINGSVERBAND"],
      outcome: "MAATWERK",
      helpStartedOn: newDay,
      blockedNote: "Niemand nam de regie.",
      breakthroughNote: "Het besluit legde vast wie betaalt.",
    });
    expect(result).toEqual({ changed: true });
    const stored = await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(stored).toMatchObject({
      blockers: ["NO_MANDATE", "WAITING_LIST"],
      outcome: "MAATWERK",
      helpStartedOn: new Date(`${newDay}T00:00:00Z`),
      helpStartSource: "STAFF",
      blockedNote: "Niemand nam de regie.",
      updatedById: aanspreekpunt.userId,
    });
    expect(stored.updatedAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.refineEvaluation" } });
    expect(event).toMatchObject({ actorId: aanspreekpunt.userId, actorRole: "AANSPREEKPUNT", outcome: "SUCCESS" });
    expect(event.changes).toEqual({
      causes: { old: ["WAITING_LIST", "FUNDING"], new: ["NO_MANDATE", "WAITING_LIST"] },
      outcome: { old: "DECISION", new: "MAATWERK" },
      helpStartedOn: { old: today(), new: newDay },
      // Free text never enters the trail in clear.
      blockedNote: { old: null, new: "[afgeschermd]" },
    });
    // The case itself stays closed and unchanged.
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "CLOSED" });
  });

  it("answers another gemeente's aanspreekpunt that the case does not exist, and changes nothing", async () => {
    const c = await closedCase();
    const before = await stateOf(c.id);
    await expect(
      refineEvaluation(delft, { caseId: c.id, causes: ["OTHER"], organisationKinds: ["OTHER"], outcome: "NOT_SOLVED", helpStartedOn: null, blockedNote: null, breakthroughNote: "Iets anders geprobeerd." }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses an open case and a case closed without an evaluation", async () => {
    const open = await caseInProgress();
    const input = { causes: ["OTHER" as const], organisationKinds: ["OTHER" as const], outcome: "NOT_SOLVED" as const, helpStartedOn: null, blockedNote: null, breakthroughNote: "Iets anders geprobeerd." };
    await expect(refineEvaluation(aanspreekpunt, { caseId: open.id, ...input })).rejects.toMatchObject({ code: "wrongState" });
    const withdrawn = await fileCase(parent, caseInput());
    await withdrawCase(parent, { caseId: withdrawn.id, reason: "Niet meer nodig." });
    await expect(refineEvaluation(aanspreekpunt, { caseId: withdrawn.id, ...input })).rejects.toMatchObject({ code: "noEvaluation" });
  });

  it("asks the family again only when the day changes", async () => {
    const c = await closedCase();
    await confirmHelpStart(parent, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null });
    const same = { ...closingInput(c.id), outcome: "LOCAL_AGREEMENT" as const };
    const { result: _r, closingNote: _n, ...refine } = same;
    await refineEvaluation(aanspreekpunt, refine);
    expect(await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ helpStartSource: "FAMILY_CONFIRMED" });
    await refineEvaluation(aanspreekpunt, { ...refine, helpStartedOn: amsterdamDay(new Date(Date.now() - DAY)) });
    expect(await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({ helpStartSource: "STAFF", helpStartConfirmedAt: null });
  });
});

describe("the family confirms or corrects the day help started", () => {
  it("shows the family the recorded day, and records a confirmation with when", async () => {
    const c = await closedCase();
    const seen = await followCase(parent, c.number);
    expect(seen.evaluation).toEqual({ helpStartedOn: new Date(`${today()}T00:00:00Z`), helpStartSource: "STAFF", helpStartConfirmedAt: null });
    expect(seen.actions).toContain("case.confirmHelpStart");
    // Nothing else of the evaluation reaches the family.
    expect(JSON.stringify(seen)).not.toContain("Het besluit legde vast wie betaalt.");

    await confirmHelpStart(parent, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null });
    const stored = await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(stored).toMatchObject({ helpStartSource: "FAMILY_CONFIRMED", helpStartedOn: new Date(`${today()}T00:00:00Z`) });
    expect(stored.helpStartConfirmedAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.confirmHelpStart" } });
    expect(event).toMatchObject({ actorId: parent.userId, actorRole: "FAMILY" });
    expect(event.changes).toEqual({ helpStartSource: { old: "STAFF", new: "FAMILY_CONFIRMED" } });
    // Answered once: a second answer is refused.
    await expect(confirmHelpStart(parent, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null })).rejects.toMatchObject({ code: "helpStartAnswered" });
    // Staff see that the family confirmed it.
    expect((await openCase(aanspreekpunt, c.number)).case.evaluation).toMatchObject({ helpStartSource: "FAMILY_CONFIRMED" });
  });

  it("records a correction with the family's day", async () => {
    const c = await closedCase();
    const theirDay = amsterdamDay(new Date(Date.now() - 4 * DAY));
    await confirmHelpStart(parent, { caseId: c.id, answer: "CORRECT", helpStartedOn: theirDay });
    expect(await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } })).toMatchObject({
      helpStartSource: "FAMILY_CORRECTED",
      helpStartedOn: new Date(`${theirDay}T00:00:00Z`),
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.confirmHelpStart" } });
    expect(event.changes).toEqual({ helpStartSource: { old: "STAFF", new: "FAMILY_CORRECTED" }, helpStartedOn: { old: today(), new: theirDay } });
  });

  it("refuses a corrected day before the filing, and saves nothing", async () => {
    const c = await closedCase();
    const before = await stateOf(c.id);
    const early = amsterdamDay(new Date(Date.now() - 30 * DAY));
    const error = await confirmHelpStart(parent, { caseId: c.id, answer: "CORRECT", helpStartedOn: early }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ fieldErrors: { helpStartedOn: "beforeFiling" } });
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("is only for the family parties of that case", async () => {
    const c = await closedCase();
    const before = await stateOf(c.id);
    for (const someone of [otherParent, professional, aanspreekpunt]) {
      await expect(confirmHelpStart(someone, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("has nothing to answer when staff recorded no day", async () => {
    const c = await caseInProgress();
    await closeCase(aanspreekpunt, closingInput(c.id, { outcome: "NOT_SOLVED", helpStartedOn: null }));
    await expect(confirmHelpStart(parent, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null })).rejects.toBeInstanceOf(ConflictError);
  });
});
