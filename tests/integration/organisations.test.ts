import { describe, expect, it } from "vitest";
import { addOrganisationInput, updateOrganisationInput } from "@/lib/domain/organisations";
import { prisma } from "@/tests/support/owner-db";
import { addOrganisation, archiveOrganisation, listManagedOrganisations, setLeerplichtContact, updateOrganisation } from "@/lib/server/admin/manage-organisations";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

async function gemeenteId(code: string): Promise<string> {
  return (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: code }, select: { id: true } })).id;
}

function school(gemeente: string, name: string) {
  return addOrganisationInput.parse({ gemeenteId: gemeente, kind: "SCHOOL", sector: "PO", name, contactName: "Jan de Boer", email: "directie@delinde.nl" });
}

describe("a gemeente's directory of organisations", () => {
  it("adds, corrects and archives an entry, each audited, and lists archived entries after the active ones", async () => {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const denHaag = await gemeenteId(DEN_HAAG);
    const { id } = await addOrganisation(admin, school(denHaag, "Basisschool De Linde"));
    await addOrganisation(admin, addOrganisationInput.parse({ gemeenteId: denHaag, kind: "JEUGDHULPAANBIEDER", name: "Jeugdhulp Zuid", sector: "VO" }));

    await updateOrganisation(admin, updateOrganisationInput.parse({ organisationId: id, kind: "SCHOOL", sector: "PO", name: "Basisschool De Linde", contactName: "Fatima El Amrani", email: "directie@delinde.nl" }));
    const [mine] = (await listManagedOrganisations(admin)).filter((d) => d.owner.id === denHaag);
    const linde = mine!.entries.find((e) => e.id === id)!;
    expect(linde).toMatchObject({ contactName: "Fatima El Amrani", sector: "PO", archivedAt: null });
    // A sector means nothing for a provider: it is not kept.
    expect(mine!.entries.find((e) => e.name === "Jeugdhulp Zuid")?.sector).toBeNull();

    await archiveOrganisation(admin, { organisationId: id });
    const after = (await listManagedOrganisations(admin)).find((d) => d.owner.id === denHaag)!.entries;
    expect(after.at(-1)?.id).toBe(id);
    expect(after.at(-1)?.archivedAt).not.toBeNull();

    const events = await prisma.auditEvent.findMany({ where: { actorId: admin.userId, action: { startsWith: "organisation." } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["organisation.add", "organisation.add", "organisation.update", "organisation.archive"]);
    expect(events[2]!.changes).toEqual({ organisationId: { old: id, new: id }, contactName: { old: "Jan de Boer", new: "Fatima El Amrani" } });
    expect(events.every((e) => e.gemeenteId === denHaag)).toBe(true);
  });

  it("refuses a second active entry of the same name at the name field, but takes the name again once the first is archived", async () => {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const denHaag = await gemeenteId(DEN_HAAG);
    const name = `Het Atlas College ${Date.now()}`;
    const { id } = await addOrganisation(admin, school(denHaag, name));
    const refused = await addOrganisation(admin, school(denHaag, `  ${name.toUpperCase()} `)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).fieldErrors).toEqual({ name: "duplicateOrganisation" });
    await archiveOrganisation(admin, { organisationId: id });
    await expect(addOrganisation(admin, school(denHaag, name))).resolves.toHaveProperty("id");
    // An archived entry is history: it is no longer changed.
    await expect(updateOrganisation(admin, updateOrganisationInput.parse({ organisationId: id, kind: "SCHOOL", sector: "PO", name: "Ander" }))).rejects.toMatchObject({ code: "organisationArchived" });
  });

  it("asks a samenwerkingsverband whether it is PO or VO", () => {
    const parsed = addOrganisationInput.safeParse({ gemeenteId: "cmx0000000000000000000000", kind: "SAMENWERKINGSVERBAND", sector: "", name: "SWV Passend Onderwijs" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["sector", "sectorRequired"]]);
  });

  it("keeps another gemeente's directory out of reach: not listed, and not found to change", async () => {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    const denHaag = await gemeenteId(DEN_HAAG);
    const { id } = await addOrganisation(admin, school(denHaag, `Montessori ${Date.now()}`));
    expect((await listManagedOrganisations(delftAdmin)).map((d) => d.owner.id)).not.toContain(denHaag);
    await expect(addOrganisation(delftAdmin, school(denHaag, "Ingeslopen"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(archiveOrganisation(delftAdmin, { organisationId: id })).rejects.toBeInstanceOf(NotFoundError);
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    await expect(archiveOrganisation(aanspreekpunt, { organisationId: id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  });
});

describe("a region's directory of organisations", () => {
  async function regions() {
    const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
    const other = await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN } }, select: { id: true, code: true } });
    return { haaglanden: haaglanden.id, other };
  }

  it("is kept by the region's coordinator, each change audited with the region, and shown to its gemeenten's admins as shared", async () => {
    const { haaglanden } = await regions();
    const coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
    const name = `RMC Haaglanden ${Date.now()}`;
    const { id } = await addOrganisation(
      coordinator,
      addOrganisationInput.parse({ regionId: haaglanden, kind: "LEERPLICHT_RMC", name, contactName: "Priya Ramdin", email: "rmc@haaglanden.nl" }),
    );
    await updateOrganisation(coordinator, updateOrganisationInput.parse({ organisationId: id, kind: "LEERPLICHT_RMC", name, contactName: "Tom Verbeek", email: "rmc@haaglanden.nl" }));
    const directory = (await listManagedOrganisations(coordinator)).find((d) => d.owner.id === haaglanden)!;
    expect(directory.owner.kind).toBe("region");
    expect(directory.entries.find((e) => e.id === id)).toMatchObject({ regionId: haaglanden, gemeenteId: null, contactName: "Tom Verbeek" });

    // A gemeente admin of the region sees that its staff pick from the region's list too, and may make its RMC the leerplicht contact.
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const denHaag = await gemeenteId(DEN_HAAG);
    const own = (await listManagedOrganisations(admin)).find((d) => d.owner.id === denHaag)!;
    expect(own.entries.map((e) => e.id)).not.toContain(id);
    expect(own.region?.active).toBeGreaterThanOrEqual(1);
    expect(own.leerplichtOptions.map((o) => o.id)).toContain(id);
    await setLeerplichtContact(admin, { gemeenteId: denHaag, organisationId: id });
    expect((await prisma.gemeente.findUniqueOrThrow({ where: { id: denHaag } })).leerplichtContactId).toBe(id);
    await setLeerplichtContact(admin, { gemeenteId: denHaag, organisationId: null });

    await archiveOrganisation(coordinator, { organisationId: id });
    const events = await prisma.auditEvent.findMany({ where: { actorId: coordinator.userId, action: { startsWith: "organisation." } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.actorRole, e.gemeenteId])).toEqual([
      ["organisation.add", "REGION_COORDINATOR", null],
      ["organisation.update", "REGION_COORDINATOR", null],
      ["organisation.archive", "REGION_COORDINATOR", null],
    ]);
    expect(events[1]!.changes).toEqual({ regionId: { old: haaglanden, new: haaglanden }, organisationId: { old: id, new: id }, contactName: { old: "Priya Ramdin", new: "Tom Verbeek" } });
  });

  it("is out of reach of a gemeente admin and of another region's coordinator", async () => {
    const { haaglanden, other } = await regions();
    const coordinator = await makeActor("REGION_COORDINATOR", { region: HAAGLANDEN });
    const { id } = await addOrganisation(coordinator, addOrganisationInput.parse({ regionId: haaglanden, kind: "SAMENWERKINGSVERBAND", sector: "PO", name: `SWV PO ${Date.now()}` }));
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const stranger = await makeActor("REGION_COORDINATOR", { region: other.code });
    for (const actor of [admin, stranger]) {
      await expect(archiveOrganisation(actor, { organisationId: id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addOrganisation(actor, addOrganisationInput.parse({ regionId: haaglanden, kind: "WIJKTEAM", name: "Ingeslopen" }))).rejects.toBeInstanceOf(NotFoundError);
      expect((await listManagedOrganisations(actor)).map((d) => d.owner.id)).not.toContain(haaglanden);
    }
    // A coordinator keeps no gemeente's list.
    await expect(addOrganisation(coordinator, school(await gemeenteId(DEN_HAAG), "Ingeslopen"))).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  });

  it("takes an entry into exactly one directory: the form names a gemeente or a region, and the database refuses both", async () => {
    const { haaglanden } = await regions();
    const both = addOrganisationInput.safeParse({ gemeenteId: await gemeenteId(DEN_HAAG), regionId: haaglanden, kind: "WIJKTEAM", name: "Wijkteam" });
    const neither = addOrganisationInput.safeParse({ gemeenteId: "", regionId: "", kind: "WIJKTEAM", name: "Wijkteam" });
    expect([both.success, neither.success]).toEqual([false, false]);
    await expect(
      prisma.organisation.create({ data: { gemeenteId: await gemeenteId(DEN_HAAG), regionId: haaglanden, kind: "WIJKTEAM", name: "Wijkteam" } }),
    ).rejects.toThrow(/Organisation_one_owner|check constraint/i);
  });
});
