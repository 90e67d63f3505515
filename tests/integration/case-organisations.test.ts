import { describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { linkOrganisation } from "@/lib/server/cases/link-organisation";
import { openCase } from "@/lib/server/cases/open-case";
import { unlinkOrganisation } from "@/lib/server/cases/unlink-organisation";
import { DomainError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

async function entry(cbsCode: string, name: string, archived = false) {
  const { id: gemeenteId } = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode }, select: { id: true } });
  return prisma.organisation.create({
    data: { gemeenteId, kind: "SCHOOL", sector: "VO", name, contactName: "Fatima El Amrani", email: "zorg@duincollege.nl", archivedAt: archived ? new Date() : null },
  });
}

async function claimed() {
  const parent = await makeActor("FAMILY");
  const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  return { parent, aanspreekpunt, ...filed };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fieldErrors;
}

describe("organisations named in a case", () => {
  it("names a school from the gemeente's directory with its part: staff see its contact, the family who and why", async () => {
    const { parent, aanspreekpunt, id, number } = await claimed();
    const school = await entry(DEN_HAAG, "Het Duin College");
    await linkOrganisation(aanspreekpunt, { caseId: id, organisationId: school.id, part: "REFUSED" });

    const staff = await openCase(aanspreekpunt, number);
    expect(staff.case.organisations).toMatchObject([{ name: "Het Duin College", kind: "SCHOOL", part: "REFUSED", organisation: { contactName: "Fatima El Amrani" } }]);
    expect(staff.directory.map((d) => d.id)).toContain(school.id);
    const family = await followCase(parent, number);
    expect(family.organisations).toEqual([{ id: staff.case.organisations[0]!.id, kind: "SCHOOL", name: "Het Duin College", part: "REFUSED" }]);
    expect(JSON.stringify(family)).not.toContain("zorg@duincollege.nl");
    expect(family.timeline.map((e) => e.kind)).toContain("organisationLinked");

    // Renaming the directory entry later does not rewrite what the case recorded.
    await prisma.organisation.update({ where: { id: school.id }, data: { name: "Duin College Zuid" } });
    expect((await openCase(aanspreekpunt, number)).case.organisations[0]?.name).toBe("Het Duin College");
  });

  it("names an organisation once, and only an active one of the case's own gemeente", async () => {
    const { aanspreekpunt, id } = await claimed();
    const school = await entry(DEN_HAAG, "Basisschool De Linde");
    await linkOrganisation(aanspreekpunt, { caseId: id, organisationId: school.id, part: "MUST_ACT" });
    expect(await refusal(linkOrganisation(aanspreekpunt, { caseId: id, organisationId: school.id, part: "HELPS" }))).toEqual({ organisationId: "organisationInCase" });
    const delft = await entry(DELFT, "Delfts Montessori");
    expect(await refusal(linkOrganisation(aanspreekpunt, { caseId: id, organisationId: delft.id, part: "HELPS" }))).toEqual({ organisationId: "unknownOrganisation" });
    const archived = await entry(DEN_HAAG, "Oude school", true);
    expect(await refusal(linkOrganisation(aanspreekpunt, { caseId: id, organisationId: archived.id, part: "HELPS" }))).toEqual({ organisationId: "unknownOrganisation" });
    expect(await prisma.caseOrganisation.count({ where: { caseId: id } })).toBe(1);
  });

  it("takes an organisation off the case, keeps the row as history, and lets it be named again with another part", async () => {
    const { aanspreekpunt, id, number } = await claimed();
    const school = await entry(DEN_HAAG, "Het Atlas College");
    const named = await linkOrganisation(aanspreekpunt, { caseId: id, organisationId: school.id, part: "REFUSED" });
    await unlinkOrganisation(aanspreekpunt, { caseId: id, caseOrganisationId: named.id });
    expect((await openCase(aanspreekpunt, number)).case.organisations).toEqual([]);
    expect(await prisma.caseOrganisation.findUniqueOrThrow({ where: { id: named.id } })).toMatchObject({ removedById: aanspreekpunt.userId });
    expect(await refusal(unlinkOrganisation(aanspreekpunt, { caseId: id, caseOrganisationId: named.id }))).toEqual({ caseOrganisationId: "unknownOrganisation" });
    await linkOrganisation(aanspreekpunt, { caseId: id, organisationId: school.id, part: "HELPS" });
    expect((await openCase(aanspreekpunt, number)).case.organisations.map((o) => o.part)).toEqual(["HELPS"]);
    const events = await prisma.auditEvent.findMany({ where: { caseId: id, action: { in: ["case.linkOrganisation", "case.unlinkOrganisation"] } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["case.linkOrganisation", "case.unlinkOrganisation", "case.linkOrganisation"]);
  });

  it("offers the region's directory too, and only the case's own region's", async () => {
    const { aanspreekpunt, id, number } = await claimed();
    const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
    const other = await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN } }, select: { id: true } });
    const rmc = await prisma.organisation.create({ data: { regionId: haaglanden.id, kind: "LEERPLICHT_RMC", name: `RMC Haaglanden ${Date.now()}` } });
    const elsewhere = await prisma.organisation.create({ data: { regionId: other.id, kind: "LEERPLICHT_RMC", name: `RMC elders ${Date.now()}` } });
    const offered = (await openCase(aanspreekpunt, number)).directory.map((d) => d.id);
    expect(offered).toContain(rmc.id);
    expect(offered).not.toContain(elsewhere.id);
    await linkOrganisation(aanspreekpunt, { caseId: id, organisationId: rmc.id, part: "HELPS" });
    expect(await refusal(linkOrganisation(aanspreekpunt, { caseId: id, organisationId: elsewhere.id, part: "HELPS" }))).toEqual({ organisationId: "unknownOrganisation" });
    expect((await openCase(aanspreekpunt, number)).case.organisations.map((o) => o.name)).toContain(rmc.name);
  });
});
