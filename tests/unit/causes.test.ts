import { describe, expect, it } from "vitest";
import {
  caseOutcomeKeys,
  caseOutcomes,
  causeKeys,
  causes,
  labelOf,
  optionsOf,
  organisationKindKeys,
  organisationKinds,
  type ListEntry,
} from "@/lib/domain/causes";
import { closeCaseInput, confirmHelpStartInput, referCaseInput, refineEvaluationInput, todayIso } from "@/lib/domain/inputs";
import { CaseOutcome } from "@/lib/generated/prisma/enums";

const lists: [string, readonly ListEntry[]][] = [
  ["causes", causes],
  ["organisation kinds", organisationKinds],
  ["outcomes", caseOutcomes],
];

describe.each(lists)("the list of %s", (_name, list) => {
  it("has unique keys, in the shape stored in the database", () => {
    const keys = list.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
  });

  it("has a label and an explanation in Dutch and English for every entry", () => {
    for (const entry of list) {
      for (const locale of ["nl", "en"] as const) {
        expect(entry[locale].label.trim(), `${entry.key} ${locale} label`).not.toBe("");
        expect(entry[locale].explanation.trim(), `${entry.key} ${locale} explanation`).not.toBe("");
        // Short enough to read beside a checkbox.
        expect(entry[locale].label.length).toBeLessThanOrEqual(60);
        expect(entry[locale].explanation.length).toBeLessThanOrEqual(160);
      }
    }
  });

  it("has no two entries with the same label in one language", () => {
    for (const locale of ["nl", "en"] as const) {
      const labels = list.map((e) => e[locale].label.toLowerCase());
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

describe("the lists' contents", () => {
  it("name the causes the minister and the oversight bodies name, and one key for each legal boundary", () => {
    expect(causeKeys).toEqual(
      expect.arrayContaining([
        "NO_MANDATE",
        "NO_COOPERATION",
        "WAITING_LIST",
        "NO_PROVIDER",
        "FUNDING",
        "BOUNDARY_WLZ",
        "BOUNDARY_ZVW",
        "BOUNDARY_WMO",
        "BOUNDARY_EDUCATION",
        "WOONPLAATSBEGINSEL",
        "MAATWERK_REFUSED",
        "NO_ASSESSMENT",
        "OTHER",
      ]),
    );
    expect(organisationKindKeys).toEqual(
      expect.arrayContaining([
        "SCHOOL",
        "SAMENWERKINGSVERBAND",
        "LEERPLICHT_RMC",
        "JEUGDHULPAANBIEDER",
        "WIJKTEAM",
        "GGZ",
        "ZORGKANTOOR",
        "ZORGVERZEKERAAR",
        "GECERTIFICEERDE_INSTELLING",
        "GEMEENTE",
        "OTHER",
      ]),
    );
  });

  it("has exactly the outcomes of the database's CaseOutcome enum", () => {
    expect([...caseOutcomeKeys].sort()).toEqual(Object.values(CaseOutcome).sort());
  });

  it("shows a label in the reader's language, and an unknown key as it is", () => {
    expect(labelOf(causes, "FUNDING", "nl")).toBe("Onenigheid over wie betaalt");
    expect(labelOf(causes, "FUNDING", "en")).toBe("Funding: who pays");
    expect(labelOf(causes, "FUNDING_DISPUTE", "nl")).toBe("FUNDING_DISPUTE");
    expect(optionsOf(caseOutcomes, "en")[0]).toEqual({ value: "LOCAL_AGREEMENT", label: "Agreement at local level", hint: expect.any(String) });
  });
});

const caseId = "c".repeat(25);
const closing = {
  caseId,
  result: "RESOLVED",
  closingNote: "De hulp is geregeld en uw kind gaat weer naar school.",
  causes: ["WAITING_LIST", "FUNDING"],
  organisationKinds: ["SCHOOL", "SCHOOL", "GGZ"],
  outcome: "DECISION",
  helpStartedOn: "2026-01-05",
  blockedNote: "",
  breakthroughNote: "Een gesprek met alle partijen samen.",
};

function firstIssues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const i of result.error?.issues ?? []) out[i.path.map(String).join(".")] ??= i.message;
  return out;
}

describe("closing and refining the evaluation", () => {
  it("takes causes, organisation kinds (each once), the outcome and the day help started", () => {
    expect(closeCaseInput.parse(closing)).toMatchObject({
      causes: ["WAITING_LIST", "FUNDING"],
      organisationKinds: ["SCHOOL", "GGZ"],
      outcome: "DECISION",
      helpStartedOn: "2026-01-05",
    });
  });

  it("requires at least one cause and one organisation kind, and the outcome", () => {
    const result = closeCaseInput.safeParse({ ...closing, causes: [], organisationKinds: undefined, outcome: "" });
    expect(firstIssues(result)).toMatchObject({ causes: "pickOne", organisationKinds: "pickOne", outcome: "required" });
  });

  it("requires the day help started unless the case was not solved", () => {
    expect(firstIssues(closeCaseInput.safeParse({ ...closing, helpStartedOn: "" }))).toEqual({ helpStartedOn: "helpStartRequired" });
    expect(closeCaseInput.parse({ ...closing, outcome: "NOT_SOLVED", helpStartedOn: "" })).toMatchObject({ helpStartedOn: null });
  });

  it("refuses a day in the future or a day that does not exist", () => {
    const future = `${Number(todayIso().slice(0, 4)) + 1}-01-01`;
    expect(firstIssues(closeCaseInput.safeParse({ ...closing, helpStartedOn: future }))).toEqual({ helpStartedOn: "dateInFuture" });
    expect(firstIssues(closeCaseInput.safeParse({ ...closing, helpStartedOn: "2026-02-30" }))).toEqual({ helpStartedOn: "invalidDate" });
  });

  it("refines with the same rules, without the result and the family's note", () => {
    const { result: _result, closingNote: _note, ...evaluation } = closing;
    expect(refineEvaluationInput.safeParse(evaluation).success).toBe(true);
    expect(refineEvaluationInput.safeParse(closing).success).toBe(false);
    expect(firstIssues(refineEvaluationInput.safeParse({ ...evaluation, causes: ["BUREAUCRACY"] }))).toEqual({ "causes.0": "pickOne" });
  });
});

describe("referring and the family's answer", () => {
  it("referring asks for causes and organisation kinds", () => {
    const refer = { caseId, question: "Graag een analyse van de situatie.", causes: ["NO_MANDATE"], organisationKinds: ["WIJKTEAM"] };
    expect(referCaseInput.safeParse(refer).success).toBe(true);
    expect(firstIssues(referCaseInput.safeParse({ ...refer, causes: [], organisationKinds: [] }))).toEqual({ causes: "pickOne", organisationKinds: "pickOne" });
  });

  it("the family confirms, or corrects with a day", () => {
    expect(confirmHelpStartInput.parse({ caseId, answer: "CONFIRM", helpStartedOn: "" })).toEqual({ caseId, answer: "CONFIRM", helpStartedOn: null });
    expect(firstIssues(confirmHelpStartInput.safeParse({ caseId, answer: "CORRECT", helpStartedOn: "" }))).toEqual({ helpStartedOn: "required" });
    expect(confirmHelpStartInput.parse({ caseId, answer: "CORRECT", helpStartedOn: "2026-01-02" })).toMatchObject({ helpStartedOn: "2026-01-02" });
    expect(firstIssues(confirmHelpStartInput.safeParse({ caseId, answer: "MAYBE" }))).toEqual({ answer: "required" });
  });
});
