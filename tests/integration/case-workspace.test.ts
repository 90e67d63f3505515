import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { fileCase } from "@/lib/server/cases/file-case";
import { INTERVENTION_PAGE_SIZE, openCase, QUESTION_PAGE_SIZE, TIMELINE_PAGE_SIZE } from "@/lib/server/cases/open-case";
import { caseInput, DELFT, DEN_HAAG, makeActor } from "../support/factories";

/**
 * A case that runs for years gathers hundreds of steps. The workspace reads
 * one page of its timeline, its intervention log and its questions to the
 * family at a time, newest first, and pages back through the rows by their
 * own position.
 */

const STEPS = 60;
const INTERVENTIONS = 13;
const QUESTIONS = 12;
/** After the filing, which is the case's first step. */
const start = Date.now() + 3_600_000;

describe("the case workspace with long logs", () => {
  let aanspreekpunt: Actor;
  let caseId: string, number: string, gemeenteId: string;
  let otherCaseStep: string;

  beforeAll(async () => {
    const parent = await makeActor("FAMILY");
    aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    ({ id: caseId, number } = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG })));
    ({ gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: caseId } }));
    // Steps two by two at the same moment, so that the paging runs on ties.
    await prisma.timelineEntry.createMany({
      data: Array.from({ length: STEPS }, (_, i) => ({
        caseId,
        gemeenteId,
        kind: "note",
        body: `Notitie ${i + 1}`,
        createdAt: new Date(start + Math.floor(i / 2) * 3_600_000),
      })),
    });
    await prisma.intervention.createMany({
      data: Array.from({ length: INTERVENTIONS }, (_, i) => ({
        caseId,
        gemeenteId,
        type: "CONSULTATION" as const,
        occurredOn: new Date(start + i * 86_400_000),
        participants: "Expertteam en school",
        familyInvolved: true,
        outcome: `Overleg ${i + 1}`,
        loggedById: aanspreekpunt.userId,
      })),
    });
    // Answered questions, and the newest one still open.
    await prisma.informationRequest.createMany({
      data: Array.from({ length: QUESTIONS }, (_, i) => ({
        caseId,
        gemeenteId,
        question: `Vraag ${i + 1}`,
        askedById: aanspreekpunt.userId,
        askedAt: new Date(start + i * 86_400_000),
        resumeStatus: "TRIAGE" as const,
        ...(i < QUESTIONS - 1 ? { answer: `Antwoord ${i + 1}`, answeredAt: new Date(start + i * 86_400_000 + 3_600_000) } : {}),
      })),
    });
    const other = await fileCase(await makeActor("FAMILY"), caseInput({ ownGemeenteCode: DELFT }));
    otherCaseStep = (await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: other.id } })).id;
  });

  it("shows the newest page of each log, with the totals", async () => {
    const view = await openCase(aanspreekpunt, number);
    expect(view.case.timeline).toHaveLength(TIMELINE_PAGE_SIZE);
    // Oldest first within the page, ending with the newest step.
    expect(view.case.timeline.at(-1)?.body).toBe(`Notitie ${STEPS}`);
    const times = view.case.timeline.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The filing itself is a step too.
    expect(view.logs.steps).toEqual({ total: STEPS + 1, more: true, paged: false });
    expect(view.case.interventions.map((i) => i.outcome)).toEqual(
      Array.from({ length: INTERVENTION_PAGE_SIZE }, (_, i) => `Overleg ${INTERVENTIONS - INTERVENTION_PAGE_SIZE + i + 1}`),
    );
    expect(view.logs.interventions).toEqual({ total: INTERVENTIONS, more: true, paged: false });
    // The open question is the newest, so it is on the first page.
    expect(view.case.informationRequests.map((q) => q.question)).toEqual(
      Array.from({ length: QUESTION_PAGE_SIZE }, (_, i) => `Vraag ${QUESTIONS - QUESTION_PAGE_SIZE + i + 1}`),
    );
    expect(view.case.informationRequests.at(-1)?.answeredAt).toBeNull();
    expect(view.logs.questions).toEqual({ total: QUESTIONS, more: true, paged: false });
  });

  it("pages back through every step exactly once, ties included", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 10; page++) {
      const view = await openCase(aanspreekpunt, number, { stepsBefore: before });
      seen.unshift(...view.case.timeline.map((e) => e.id));
      if (!view.logs.steps.more) break;
      before = view.case.timeline[0]!.id;
    }
    const all = await prisma.timelineEntry.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it("gives the interventions before the oldest one shown", async () => {
    const first = await openCase(aanspreekpunt, number);
    const older = await openCase(aanspreekpunt, number, { interventionsBefore: first.case.interventions[0]!.id });
    expect(older.case.interventions.map((i) => i.outcome)).toEqual(["Overleg 1", "Overleg 2", "Overleg 3"]);
    expect(older.logs.interventions).toEqual({ total: INTERVENTIONS, more: false, paged: true });
  });

  it("gives the questions before the oldest one shown", async () => {
    const first = await openCase(aanspreekpunt, number);
    const older = await openCase(aanspreekpunt, number, { questionsBefore: first.case.informationRequests[0]!.id });
    expect(older.case.informationRequests.map((q) => [q.question, q.answer])).toEqual([
      ["Vraag 1", "Antwoord 1"],
      ["Vraag 2", "Antwoord 2"],
    ]);
    expect(older.logs.questions).toEqual({ total: QUESTIONS, more: false, paged: true });
  });

  it("shows no rows for a position in another case, even one of another gemeente", async () => {
    const view = await openCase(aanspreekpunt, number, { stepsBefore: otherCaseStep, interventionsBefore: "unknown-id", questionsBefore: "unknown-id" });
    expect(view.case.timeline).toEqual([]);
    expect(view.case.interventions).toEqual([]);
    expect(view.case.informationRequests).toEqual([]);
    expect(view.logs.steps.total).toBe(STEPS + 1);
  });
});
