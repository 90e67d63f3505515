import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fileCaseInput } from "@/lib/domain/inputs";
import { prisma } from "@/tests/support/owner-db";
import { fileCase } from "@/lib/server/cases/file-case";
import { listMyCases } from "@/lib/server/cases/follow-case";
import { caseInput, makeActor } from "../support/factories";

/** The case input as a browser sends it: text, with empty fields empty. */
function formInput(overrides: Record<string, unknown> = {}) {
  const values = Object.fromEntries(Object.entries(caseInput()).map(([k, v]) => [k, v ?? ""]));
  return { ...values, consent: "on", ...overrides };
}

describe("filing a case", () => {
  let parent: Actor;
  beforeAll(async () => {
    parent = await makeActor("FAMILY");
  });

  const gemeenteOf = async (caseId: string) =>
    (await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { gemeente: true } }));

  it.each([
    ["OWN_ADDRESS", "GM0518", "OWN_ADDRESS"],
    ["IN_CARE", "GM0503", "BEFORE_CARE"],
    ["UNKNOWN", "GM0363", "MOTHER_AT_BIRTH"],
  ] as const)("routes a child living %s to %s (%s)", async (livingSituation, expected, rule) => {
    const filed = await fileCase(
      parent,
      caseInput({ livingSituation, ownGemeenteCode: "GM0518", previousGemeenteCode: "GM0503", motherGemeenteCode: "GM0363" }),
    );
    const row = await gemeenteOf(filed.id);
    expect(row.gemeente.cbsCode).toBe(expected);
    expect(row.residenceRule).toBe(rule);
  });

  it("files one case when the same form is submitted twice, also at the same moment", async () => {
    const input = caseInput({ submissionId: randomUUID() });
    const [a, b] = await Promise.all([fileCase(parent, input), fileCase(parent, input)]);
    const c = await fileCase(parent, input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await prisma.case.count({ where: { submissionId: input.submissionId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { caseId: a.id, action: "case.file" } })).toBe(1);
  });

  it("refuses filing without consent before anything is saved", () => {
    const parsed = fileCaseInput.safeParse(formInput({ consent: undefined }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["consent", "consentRequired"]);
  });

  it("asks for the gemeente that the chosen situation needs, together with other messages", () => {
    const parsed = fileCaseInput.safeParse(formInput({ livingSituation: "IN_CARE", childName: "" }));
    const issues = parsed.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["previousGemeenteCode", "unknownGemeente"]);
    expect(issues).toContainEqual(["childName", "required"]);
  });

  it("stores a valid BSN, refuses one that fails the 11-proef, and keeps it out of the audit trail", async () => {
    const bad = fileCaseInput.safeParse(formInput({ childBsn: "123456789" }));
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["childBsn", "invalidBsn"]);
    const good = fileCaseInput.parse(formInput({ childBsn: "1112 22 333" }));
    const filed = await fileCase(parent, good);
    expect((await gemeenteOf(filed.id)).childBsn).toBe("111222333");
    const events = await prisma.auditEvent.findMany({ where: { caseId: filed.id } });
    expect(JSON.stringify(events)).not.toContain("111222333");
  });

  it("stores hostile and unusual text exactly as typed", async () => {
    const text = "Robert'); DROP TABLE \"Case\";-- <script>alert(1)</script> 😀 مرحبا \u202Eomgekeerd";
    const filed = await fileCase(parent, caseInput({ stuckDescription: text, childName: "Zoë 😀 'O Brien" }));
    const row = await gemeenteOf(filed.id);
    expect(row.stuckDescription).toBe(text);
    expect(row.childName).toBe("Zoë 😀 'O Brien");
  });

  it("records who consented: a parent under 16, the youth from 16", async () => {
    const young = await fileCase(parent, caseInput({ childBirthDate: "2015-01-01" }));
    const older = await fileCase(parent, caseInput({ childBirthDate: "2008-01-01" }));
    expect((await gemeenteOf(young.id)).consentGivenBy).toBe("PARENT");
    expect((await gemeenteOf(older.id)).consentGivenBy).toBe("YOUTH");
  });

  it("lets a youth file only from 16, and a professional only with how consent was obtained", () => {
    const issues = (input: Record<string, unknown>) =>
      fileCaseInput.safeParse(formInput(input)).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    expect(issues({ filerRole: "YOUTH", childBirthDate: "2015-01-01" })).toContainEqual(["filerRole", "youthTooYoung"]);
    expect(issues({ filerRole: "YOUTH", childBirthDate: "2008-01-01" })).toEqual([]);
    expect(issues({ filerRole: "PROFESSIONAL", organisation: "Wijkteam" })).toContainEqual(["consentMethod", "required"]);
    expect(issues({ filerRole: "PROFESSIONAL", organisation: "Wijkteam", consentMethod: "PHONE" })).toEqual([]);
  });

  it("a professional's case records how consent was obtained and is theirs to follow", async () => {
    const professional = await makeActor("PROFESSIONAL");
    const filed = await fileCase(
      professional,
      fileCaseInput.parse(formInput({ filerRole: "PROFESSIONAL", organisation: "Wijkteam Delft", consentMethod: "PHONE" })),
    );
    expect((await gemeenteOf(filed.id)).consentMethod).toBe("PHONE");
    expect((await listMyCases(professional)).map((c) => c.id)).toEqual([filed.id]);
  });

  it("asks for a phone number from someone who wants to be called, and keeps the preference", async () => {
    const issues = fileCaseInput.safeParse(formInput({ contactPreference: "PHONE", contactPhone: "" })).error?.issues;
    expect(issues?.map((i) => [i.path.join("."), i.message])).toContainEqual(["contactPhone", "phoneForCalls"]);
    const filed = await fileCase(parent, fileCaseInput.parse(formInput({ contactPreference: "PHONE", contactPhone: "06 1234 5678" })));
    const party = await prisma.caseParty.findFirstOrThrow({ where: { caseId: filed.id } });
    expect(party).toMatchObject({ contactPreference: "PHONE", phone: "06 1234 5678" });
  });

  it("keeps what the family said about school for a thuiszitter, and nothing of it for a child not of school age", async () => {
    const facts = {
      schoolSituation: "NONE", outOfSchoolSince: "2026-03-02", schoolName: "Het Duin College", samenwerkingsverbandName: "SWV VO Den Haag",
      leerplichtInformed: "YES", leerplichtInformedOn: "2026-03-10", leerplichtExemption: "NO", onderwijsconsulent: "",
    };
    const thuiszitter = await fileCase(parent, fileCaseInput.parse(formInput(facts)));
    expect(await prisma.case.findUniqueOrThrow({ where: { id: thuiszitter.id } })).toMatchObject({
      schoolName: "Het Duin College",
      samenwerkingsverbandName: "SWV VO Den Haag",
      leerplichtInformed: "YES",
      leerplichtInformedOn: new Date("2026-03-10T00:00:00Z"),
      leerplichtExemption: "NO",
      onderwijsconsulent: null,
    });
    const toddler = await fileCase(parent, fileCaseInput.parse(formInput({ ...facts, schoolSituation: "NOT_APPLICABLE" })));
    expect(await prisma.case.findUniqueOrThrow({ where: { id: toddler.id } })).toMatchObject({ schoolName: null, leerplichtInformed: null, leerplichtInformedOn: null });
  });
});
