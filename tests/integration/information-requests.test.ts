import { describe, expect, it } from "vitest";
import { workingDaysBetween } from "@/lib/domain/deadlines";
import { prisma } from "@/tests/support/owner-db";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { addNote } from "@/lib/server/cases/add-note";
import { referCase } from "@/lib/server/cases/refer-case";
import { withdrawQuestion } from "@/lib/server/cases/withdraw-question";
import { caseInput, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";

/** A case the family filed and an aanspreekpunt of Den Haag claimed. */
async function claimedCase() {
  const parent = await makeActor("FAMILY");
  const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  const { id, number } = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: id });
  return { parent, aanspreekpunt, id, number };
}

describe("asking the family for information", () => {
  it("stops the clock, and the family's answer returns the case to its step with the time that was left", async () => {
    const { parent, aanspreekpunt, id, number } = await claimedCase();
    await startLocal(aanspreekpunt, { caseId: id, note: "Overleg met school gepland." });
    const before = await prisma.case.findUniqueOrThrow({ where: { id } });
    const left = workingDaysBetween(new Date(), before.deadlineAt!);

    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Welke school heeft Lieke het laatst bezocht?" });
    const waiting = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "INFO_REQUESTED", deadlineAt: null });
    const family = await followCase(parent, number);
    expect(family.openQuestion?.question).toBe("Welke school heeft Lieke het laatst bezocht?");
    expect(family.actions).toContain("case.answer");

    await answerInfo(parent, { caseId: id, answer: "De Linde, tot de zomer." });
    const resumed = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(resumed.status).toBe("IN_PROGRESS");
    expect(workingDaysBetween(new Date(), resumed.deadlineAt!)).toBe(left);
    expect((await followCase(parent, number)).openQuestion).toBeNull();
    expect(await prisma.outboxMessage.count({ where: { caseId: id, recipient: aanspreekpunt.email, template: "family-answered" } })).toBe(1);
  });

  it("only the family of the case answers, and only while a question is open", async () => {
    const parent = await makeActor("FAMILY");
    const stranger = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput());
    await expect(answerInfo(parent, { caseId: id, answer: "Zomaar een antwoord" })).rejects.toBeInstanceOf(ConflictError);
    await claimCase(aanspreekpunt, { caseId: id });
    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Heeft u een verslag van de school?" });
    await expect(answerInfo(stranger, { caseId: id, answer: "Ik ben het niet" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(answerInfo(aanspreekpunt, { caseId: id, answer: "Staf antwoordt" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("INFO_REQUESTED");
  });

  it("lets the aanspreekpunt take the question back: the family reads why, the clock runs again and a new question can follow", async () => {
    const { parent, aanspreekpunt, id, number } = await claimedCase();
    await startLocal(aanspreekpunt, { caseId: id, note: "Overleg met school gepland." });
    const left = workingDaysBetween(new Date(), (await prisma.case.findUniqueOrThrow({ where: { id } })).deadlineAt!);
    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Welke school heeft Lieke het laatst bezocht?" });

    // While waiting, staff can still write a note, take the question back, or refer.
    expect((await followCase(parent, number)).actions).toContain("case.answer");
    await addNote(aanspreekpunt, { caseId: id, staffNote: "School gebeld: de naam is De Linde." });
    await withdrawQuestion(aanspreekpunt, { caseId: id, withdrawReason: "De school heeft het ons al verteld." });

    const resumed = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(resumed.status).toBe("IN_PROGRESS");
    expect(workingDaysBetween(new Date(), resumed.deadlineAt!)).toBe(left);
    const family = await followCase(parent, number);
    expect(family.openQuestion).toBeNull();
    expect(family.actions).not.toContain("case.answer");
    expect(family.answeredQuestions).toMatchObject([
      { question: "Welke school heeft Lieke het laatst bezocht?", answer: null, withdrawReason: "De school heeft het ons al verteld." },
    ]);
    await expect(answerInfo(parent, { caseId: id, answer: "Te laat" })).rejects.toBeInstanceOf(ConflictError);
    await expect(withdrawQuestion(aanspreekpunt, { caseId: id, withdrawReason: "Nog een keer intrekken" })).rejects.toBeInstanceOf(ConflictError);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: id, action: "case.withdrawQuestion" } });
    expect(audit.actorId).toBe(aanspreekpunt.userId);

    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Mogen wij De Linde bellen?" });
    expect((await followCase(parent, number)).openQuestion?.question).toBe("Mogen wij De Linde bellen?");
  });

  it("lets the aanspreekpunt refer while waiting: the question lapses and the family no longer has to answer it", async () => {
    const { parent, aanspreekpunt, id, number } = await claimedCase();
    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Heeft u een verslag van de school?" });

    await referCase(aanspreekpunt, { caseId: id, question: "Het is een crisis: graag direct meedenken.", ...referralFacts() });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("WITH_EXPERT_TEAM");
    const family = await followCase(parent, number);
    expect(family.openQuestion).toBeNull();
    expect(family.answeredQuestions).toMatchObject([{ question: "Heeft u een verslag van de school?", withdrawReason: null }]);
    expect(family.answeredQuestions[0]!.withdrawnAt).toBeInstanceOf(Date);
  });

  it("only the case's aanspreekpunt side takes a question back", async () => {
    const { parent, aanspreekpunt, id } = await claimedCase();
    await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Heeft u een verslag van de school?" });
    await expect(withdrawQuestion(parent, { caseId: id, withdrawReason: "Ik wil niet antwoorden" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("INFO_REQUESTED");
  });

  it("lets the expert team ask the family through the same flow: the answer returns the case to the team, and both are told", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    const { id, number } = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: id });
    await referCase(aanspreekpunt, { caseId: id, question: "Graag een analyse.", ...referralFacts() });

    await requestInfo(expert, { caseId: id, familyQuestion: "Wat wil Lieke zelf het liefst?" });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("INFO_REQUESTED");
    const asked = await prisma.informationRequest.findFirstOrThrow({ where: { caseId: id } });
    expect(asked).toMatchObject({ askedById: expert.userId, askedByRole: "EXPERT", resumeStatus: "WITH_EXPERT_TEAM" });
    expect((await followCase(parent, number)).openQuestion).toMatchObject({ question: "Wat wil Lieke zelf het liefst?", askedByRole: "EXPERT" });

    await answerInfo(parent, { caseId: id, answer: "Naar een school met kleine klassen." });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("WITH_EXPERT_TEAM");
    const told = await prisma.outboxMessage.findMany({ where: { caseId: id, template: "family-answered" }, select: { recipient: true } });
    expect(told.map((m) => m.recipient).toSorted()).toEqual([aanspreekpunt.email, expert.email].toSorted());
  });
});
