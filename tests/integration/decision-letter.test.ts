import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { RecordDecisionInput } from "@/lib/domain/inputs";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { startLocal } from "@/lib/server/cases/start-local";
import { decisionLetter, partyLetter } from "@/lib/server/decisions/decision-letter";
import { formatCalendarDay, formatDay, letterContent, type LetterData } from "@/lib/server/decisions/letter-content";
import { toShowable } from "@/lib/server/decisions/pdf-text";
import { renderDecisionLetter } from "@/lib/server/decisions/render-letter";
import { NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, makeActor } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const standardFontDataUrl = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`;

/**
 * Parses the PDF with pdf.js and returns its text, one space between pieces, as
 * a reader would see it. Each page is also interpreted as a viewer would draw
 * it (fonts, text and graphics operators), so a page that cannot be rendered
 * fails here.
 */
async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, stopAtErrors: true }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const drawing = await page.getOperatorList();
    expect(drawing.fnArray.length).toBeGreaterThan(0);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: parts.join(" ").replace(/\s+/g, " ") };
}

const day = (offset: number) => dayFromNow(offset);

const assignments: RecordDecisionInput["assignments"] = [
  { party: "Samenwerkingsverband Zuid-Holland West", description: "Een plek op een school met zorg voor Zoë", dueOn: day(30), payer: "Samenwerkingsverband" },
  { party: "Gemeente Den Haag, team Jeugd", description: "Begeleiding thuis, twee dagdelen per week", dueOn: day(14), payer: "Gemeente Den Haag" },
];

/** Files a case and takes it to a recorded decision: claim, local attempt, proposal, decision (four eyes). */
async function decidedCase(parent: Actor, aanspreekpunt: Actor, decider: Actor, childName = "Zoë Brouwer") {
  const filed = await fileCase(parent, caseInput({ childName }));
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school en aanbieder." });
  await proposeDecision(aanspreekpunt, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand anders neemt het op." });
  await recordDecision(decider, {
    caseId: filed.id,
    legalBasis: "Jeugdwet artikel 2.3",
    rationale: "Zoë heeft recht op passende hulp en onderwijs. De partijen komen er samen niet uit.",
    assignments,
  });
  return filed;
}

describe("the decision letter", () => {
  let parent: Actor, aanspreekpunt: Actor, decider: Actor;

  beforeAll(async () => {
    parent = await makeActor("FAMILY");
    aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  });

  it("is a PDF with the case, the child, every assignment, the next steps and the objection route", async () => {
    const { number } = await decidedCase(parent, aanspreekpunt, decider);
    const letter = await decisionLetter(parent, number);

    expect(letter.fileName).toBe(`besluit-${number}.pdf`);
    expect(Buffer.from(letter.pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await pdfText(letter.pdf);
    expect(pages).toBeGreaterThanOrEqual(1);

    expect(text).toContain(number);
    expect(text).toContain("Zoë Brouwer");
    expect(text).toContain("Gemeente Den Haag");
    expect(text).toContain("Jeugdwet artikel 2.3");
    expect(text).toContain("Zoë heeft recht op passende hulp en onderwijs.");
    for (const a of assignments) {
      expect(text).toContain(a.party);
      expect(text).toContain(a.description);
      expect(text).toContain(a.payer);
      expect(text).toContain(`uiterlijk ${formatCalendarDay(new Date(`${a.dueOn}T00:00:00Z`))}`);
    }
    expect(text).toContain("Nog te doen");
    // What happens next, and how to object or complain.
    expect(text).toContain("Wij houden in de gaten of elke opdracht op tijd klaar is.");
    expect(text).toContain("op de pagina van uw melding in Doorbraak");
    expect(text).toContain("bezwaar maken");
    // The legal lines name the gemeente by its official name; the person who decided signs.
    expect(text).toContain("college van burgemeester en wethouders van de gemeente 's-Gravenhage");
    expect(text).toContain(decider.name);
    expect(text).toContain("beslisser doorzettingsmacht jeugd");
    expect(text).not.toContain("Wij vertellen u welke ombudsman dat is.");
    expect(text).toContain("binnen zes weken");
    expect(text).toContain("Algemene wet bestuursrecht (artikel 6:5 en 6:7)");
    expect(text).toContain("Nationale ombudsman");
    expect(text).toContain("Kinderombudsman");
    // No proposal text, no replacement sentence for a first decision.
    expect(text).not.toContain("Niemand anders neemt het op.");
    expect(text).not.toContain("vervangt ons besluit");
  });

  it("gives each party its own copy: its assignment and what is expected, not the reasons or the other assignments; staff only, audited", async () => {
    const { id, number } = await decidedCase(parent, aanspreekpunt, decider);
    const rows = await prisma.assignment.findMany({ where: { decision: { caseId: id } }, orderBy: { dueOn: "asc" } });
    const swv = rows.find((r) => r.party === assignments[0]!.party)!;
    const letter = await partyLetter(aanspreekpunt, number, swv.id);
    expect(letter.fileName).toMatch(new RegExp(`^besluit-${number}-opdracht-\\d\\.pdf$`));
    const { text } = await pdfText(letter.pdf);
    expect(text).toContain(`Aan: ${assignments[0]!.party}`);
    expect(text).toContain(assignments[0]!.description);
    expect(text).toContain("Jeugdwet artikel 2.3");
    expect(text).toContain("Wat vragen wij van u?");
    expect(text).toContain("bezwaar maken");
    expect(text).toContain(decider.name);
    // Not the reasons, which may tell about the child's health, nor the other party's assignment.
    expect(text).not.toContain("Zoë heeft recht op passende hulp en onderwijs.");
    expect(text).not.toContain(assignments[1]!.description);

    // The family has its own letter; another gemeente's staff, and an assignment of another case, are not found.
    await expect(partyLetter(parent, number, swv.id)).rejects.toBeInstanceOf(NotFoundError);
    const delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    await expect(partyLetter(delftStaff, number, swv.id)).rejects.toBeInstanceOf(NotFoundError);
    const other = await decidedCase(parent, aanspreekpunt, decider);
    await expect(partyLetter(aanspreekpunt, other.number, swv.id)).rejects.toBeInstanceOf(NotFoundError);
    const audited = await prisma.auditEvent.findMany({ where: { caseId: id, action: "case.partyLetter" } });
    expect(audited.map((e) => e.changes)).toEqual([{ decisionId: { old: null, new: swv.decisionId }, assignmentId: { old: null, new: swv.id } }]);
  });

  it("shows the decision in force, says which one it replaces, and the assignments' current status", async () => {
    const { id, number } = await decidedCase(parent, aanspreekpunt, decider);
    const first = await prisma.decision.findFirstOrThrow({ where: { caseId: id }, include: { assignments: true } });
    const firstOn = new Date(Date.now() - 10 * 86_400_000);
    await prisma.decision.update({ where: { id: first.id }, data: { createdAt: firstOn } });
    await prisma.decision.create({
      data: {
        caseId: id,
        gemeenteId: first.gemeenteId,
        proposalId: first.proposalId,
        legalBasis: "Jeugdwet artikel 2.3, gecorrigeerd",
        rationale: "De school is een andere geworden.",
        decidedById: decider.userId,
        supersedesId: first.id,
        assignments: {
          create: [
            { gemeenteId: first.gemeenteId, party: "Basisschool De Linde", description: "Zoë start op school", dueOn: new Date(`${day(20)}T00:00:00Z`), payer: "Samenwerkingsverband", status: "DONE" },
          ],
        },
      },
    });

    const { text } = await pdfText((await decisionLetter(parent, number)).pdf);
    expect(text).toContain("De school is een andere geworden.");
    expect(text).toContain(`Dit besluit vervangt ons besluit van ${formatDay(firstOn)}.`);
    expect(text).toContain("Basisschool De Linde");
    expect(text).toContain("Gedaan");
    expect(text).not.toContain(assignments[0]!.description);
  });

  it("is not found for another family, another gemeente, a case without a decision, or a number that is no case number", async () => {
    const { number } = await decidedCase(parent, aanspreekpunt, decider);
    const otherFamily = await makeActor("FAMILY");
    const otherGemeente = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    const gemeenteAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    await expect(decisionLetter(otherFamily, number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decisionLetter(otherGemeente, number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decisionLetter(gemeenteAdmin, number)).rejects.toBeInstanceOf(NotFoundError);

    const undecided = await fileCase(parent, caseInput());
    await expect(decisionLetter(parent, undecided.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decisionLetter(aanspreekpunt, undecided.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decisionLetter(parent, "DB-2026-99999")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decisionLetter(parent, "DB-1999-000001")).rejects.toBeInstanceOf(NotFoundError);

    // Refusals leave no download in the trail.
    expect(await prisma.auditEvent.count({ where: { caseNumber: { in: [number, undecided.number] }, action: "case.decisionLetter" } })).toBe(0);
  });

  it("is available to the family and to staff who may see the case, and every download is audited", async () => {
    const { id, number } = await decidedCase(parent, aanspreekpunt, decider);
    const ombudsman = await makeActor("OMBUDSMAN");
    for (const actor of [parent, aanspreekpunt, decider, ombudsman]) await decisionLetter(actor, number);

    const events = await prisma.auditEvent.findMany({
      where: { caseId: id, action: "case.decisionLetter" },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.actorId, e.actorRole, e.outcome])).toEqual([
      [parent.userId, "FAMILY", "SUCCESS"],
      [aanspreekpunt.userId, "AANSPREEKPUNT", "SUCCESS"],
      [decider.userId, "DECISION_HOLDER", "SUCCESS"],
      [ombudsman.userId, "OMBUDSMAN", "SUCCESS"],
    ]);
    const decision = await prisma.decision.findFirstOrThrow({ where: { caseId: id } });
    expect(events[0]).toMatchObject({ caseNumber: number, changes: { decisionId: { old: null, new: decision.id } } });
  });

  it("renders a child name with emoji or Arabic script, keeping what it can and saying what it left out", async () => {
    const { number } = await decidedCase(parent, aanspreekpunt, decider, "Zoë 🌈 Brouwer أحمد");
    const { text } = await pdfText((await decisionLetter(parent, number)).pdf);
    expect(text).toContain("Zoë ? Brouwer ?");
    expect(text).toContain("sommige tekens kunnen wij in deze brief niet laten zien");
    expect(text).not.toMatch(/[\u0600-\u06ff]|\p{Extended_Pictographic}/u);
  });
});

describe("rendering the letter from plain data", () => {
  const data: LetterData = {
    caseNumber: "DB-2026-000042",
    childName: "Noëlle Çelik-Łukasiewicz",
    gemeente: {
      name: "Den Haag",
      officialName: "'s-Gravenhage",
      ombudsmanName: null,
      ombudsmanUrl: null,
      contactName: "Aanspreekpunt Jeugd",
      contactEmail: "jeugd@denhaag.example",
      contactPhone: "14 070",
      contactHours: "Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
      clientSupportName: "MEE Zuid-Holland Noord",
      clientSupportPhone: "088 775 2000",
      clientSupportUrl: "www.mee.example",
    },
    decision: {
      decidedAt: new Date("2026-11-02T10:00:00Z"),
      signedBy: "Ilse van Dijk",
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: "Er is geen andere weg.\nDe hulp moet nu beginnen.",
      replacesDecisionOf: null,
    },
    assignments: Array.from({ length: 10 }, (_, i) => ({
      party: `Partij ${i + 1}`,
      description: `Opdracht met een lange beschrijving die over meer dan één regel loopt, nummer ${i + 1}. `.repeat(3),
      dueOn: new Date("2026-12-15T00:00:00Z"),
      payer: "Gemeente Den Haag",
      status: "OPEN" as const,
    })),
    madeAt: new Date("2026-11-23T09:00:00Z"),
  };

  it("lays out ten assignments over several pages, with the gemeente's contact and client support", async () => {
    const { pages, text } = await pdfText(await renderDecisionLetter(data));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).toContain("Noëlle Çelik-Lukasiewicz");
    expect(text).toContain("Partij 10");
    expect(text).toContain("uiterlijk 15 december 2026");
    expect(text).toContain("Datum van het besluit: 2 november 2026");
    expect(text).toContain("Telefoon: 14 070");
    expect(text).toContain("E-mail: jeugd@denhaag.example");
    expect(text).toContain("MEE Zuid-Holland Noord, telefoon 088 775 2000, www.mee.example");
    expect(text).not.toContain("sommige tekens");
  });

  it("keeps WinAnsi text, plains lookalikes and marks each run of unshowable characters once", () => {
    expect(toShowable("Zoë, Anaïs, José, Ĳsbrand – “€ 5”")).toEqual({ text: "Zoë, Anaïs, José, IJsbrand – “€ 5”", lossy: false });
    expect(toShowable("Ő\u200dł\u200f")).toEqual({ text: "Ol", lossy: false });
    expect(toShowable("👨‍👩‍👧 صالح 王")).toEqual({ text: "? ? ?", lossy: true });
    expect(toShowable("a\r\nb\tc")).toEqual({ text: "a\nb c", lossy: false });
  });

  it("sends a complaint on to the gemeente's own ombudsman when it has one, and otherwise to the Nationale ombudsman", () => {
    const said = (gemeente: Partial<LetterData["gemeente"]>) =>
      letterContent({ ...data, gemeente: { ...data.gemeente, ...gemeente } })
        .flatMap((b) => ("text" in b ? [b.text] : []))
        .join("\n");
    const own = said({ ombudsmanName: "Ombudsman Den Haag", ombudsmanUrl: "https://www.ombudsmandenhaag.example" });
    expect(own).toContain("Dan kunt u naar Ombudsman Den Haag (https://www.ombudsmandenhaag.example). Dat is de ombudsman van de gemeente Den Haag.");
    expect(own).not.toContain("Nationale ombudsman");
    expect(said({})).toContain("Dan kunt u naar de Nationale ombudsman (www.nationaleombudsman.nl).");
    expect(said({})).toContain("namens het college van burgemeester en wethouders van de gemeente 's-Gravenhage,\nIlse van Dijk\nbeslisser doorzettingsmacht jeugd");
  });
});
