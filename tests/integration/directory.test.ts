import { describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { gemeenteContactInput } from "@/lib/domain/inputs";
import { updateGemeenteContact } from "@/lib/server/admin/manage-gemeente";
import { fileCase } from "@/lib/server/cases/file-case";
import { NotFoundError } from "@/lib/server/errors";
import { findGemeenteDirectoryEntry, searchGemeenten } from "@/lib/server/reference/directory";
import { seedDemo } from "@/prisma/seed/demo";
import { caseInput, DELFT, DEN_HAAG, makeActor } from "../support/factories";

const codes = async (query: string) => (await searchGemeenten(query)).map((g) => g.cbsCode);

describe("directory of gemeenten: search", () => {
  it("finds a gemeente by its official name", async () => {
    expect((await codes("Delft"))[0]).toBe(DELFT);
    expect(await codes("'s-Gravenhage")).toEqual([DEN_HAAG]);
  });

  it("finds a gemeente by the name people use", async () => {
    expect((await codes("Den Haag"))[0]).toBe(DEN_HAAG);
    expect((await codes("Den Bosch"))[0]).toBe("GM0796");
  });

  it.each(["den haag", "DEN HAAG", "Den-Haag", "denhaag", "  den   haag  ", "s gravenhage", "gravenhage"])(
    "ignores case, spaces and punctuation: %s",
    async (query) => {
      expect(await codes(query)).toContain(DEN_HAAG);
    },
  );

  it.each(["Súdwest-Fryslân", "sudwest fryslan", "SUDWEST-FRYSLAN", "fryslân"])("ignores accents: %s", async (query) => {
    expect(await codes(query)).toContain("GM1900");
  });

  it("puts names that start with the query before names that only contain it", async () => {
    const found = await codes("den");
    expect(found).toEqual(expect.arrayContaining([DEN_HAAG, "GM0400", "GM0173"]));
    expect(found.indexOf("GM0400")).toBeLessThan(found.indexOf("GM0173")); // Den Helder before Oldenzaal
    expect(found.indexOf(DEN_HAAG)).toBeLessThan(found.indexOf("GM0173"));
  });

  it.each(["", "   ", "'-", "xyzzy-geen-gemeente"])("finds nothing for %j", async (query) => {
    expect(await searchGemeenten(query)).toEqual([]);
  });

  it("returns only the public name fields", async () => {
    for (const g of await searchGemeenten("a")) expect(Object.keys(g).sort()).toEqual(["cbsCode", "commonName", "name"]);
  });
});

describe("directory of gemeenten: one gemeente", () => {
  it("has no page for an unknown or malformed code", async () => {
    expect(await findGemeenteDirectoryEntry("GM9999")).toBeNull();
    expect(await findGemeenteDirectoryEntry("not-a-code")).toBeNull();
    expect(await findGemeenteDirectoryEntry("")).toBeNull();
  });

  it("accepts the code in lower case", async () => {
    expect((await findGemeenteDirectoryEntry("gm0518"))?.cbsCode).toBe(DEN_HAAG);
  });

  it("shows the region's expert team, and empty details as missing", async () => {
    const entry = await findGemeenteDirectoryEntry("GM1842");
    expect(entry).toMatchObject({
      cbsCode: "GM1842",
      name: "Midden-Delfland",
      commonName: null,
      aanspreekpunt: { name: null, email: null, phone: null, hours: null },
      region: { name: "Haaglanden", expertTeam: { name: "Expertteam Haaglanden", email: null, phone: null } },
      clientSupport: { name: null, phone: null, url: null },
    });
  });

  it("never carries ids, staff or case data, even when the gemeente has cases and staff", async () => {
    const staff = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ childName: "Geheime Naam", stuckDescription: "Vertrouwelijke details over de zorg." }));
    const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });

    const entry = await findGemeenteDirectoryEntry(DEN_HAAG);
    expect(Object.keys(entry!).sort()).toEqual(["aanspreekpunt", "cbsCode", "clientSupport", "commonName", "name", "region"]);
    const text = JSON.stringify([entry, await searchGemeenten("den haag")]);
    for (const secret of ["Geheime Naam", "Vertrouwelijke", filed.number, filed.id, staff.email, parent.email, gemeente.id]) {
      expect(text).not.toContain(secret);
    }
  });

  it("does not link to a stored address that is not a web page", async () => {
    await prisma.gemeente.update({ where: { cbsCode: "GM0014" }, data: { clientSupportName: "Steunpunt", clientSupportUrl: "javascript:alert(1)" } });
    const entry = await findGemeenteDirectoryEntry("GM0014");
    expect(entry?.clientSupport).toEqual({ name: "Steunpunt", phone: null, url: null });
  });
});

describe("directory of gemeenten: the gemeente admin keeps the details", () => {
  const form = (gemeenteId: string, values: Record<string, string> = {}) => ({
    gemeenteId,
    contactName: "Aanspreekpunt Jeugd",
    contactEmail: "jeugd@gemeente.example.nl",
    contactPhone: "14 070",
    contactHours: "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
    clientSupportName: "Cliëntondersteuning Voorbeeld",
    clientSupportPhone: "070 123 45 67",
    clientSupportUrl: "https://www.example.nl/clientondersteuning",
    ombudsmanName: "",
    ombudsmanUrl: "",
    ...values,
  });

  it("shows what the admin saved on the public page, and audits the change", async () => {
    const admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
    const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });
    await updateGemeenteContact(admin, gemeenteContactInput.parse(form(gemeente.id)));

    expect(await findGemeenteDirectoryEntry(DEN_HAAG)).toMatchObject({
      aanspreekpunt: { name: "Aanspreekpunt Jeugd", email: "jeugd@gemeente.example.nl", phone: "14 070", hours: "Maandag tot en met vrijdag van 9.00 tot 17.00 uur" },
      clientSupport: { name: "Cliëntondersteuning Voorbeeld", phone: "070 123 45 67", url: "https://www.example.nl/clientondersteuning" },
    });

    await updateGemeenteContact(admin, gemeenteContactInput.parse(form(gemeente.id, { contactHours: "Alleen 's ochtends" })));
    const events = await prisma.auditEvent.findMany({ where: { action: "gemeente.updateContact", actorId: admin.userId }, orderBy: { seq: "asc" } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.gemeenteId === gemeente.id && e.caseId === null)).toBe(true);
    expect(events[1]!.changes).toEqual({ contactHours: { old: "Maandag tot en met vrijdag van 9.00 tot 17.00 uur", new: "Alleen 's ochtends" } });
  });

  it("answers not-found to the admin of another gemeente and changes nothing", async () => {
    const delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
    const denHaag = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });
    await expect(
      updateGemeenteContact(delftAdmin, gemeenteContactInput.parse(form(denHaag.id, { contactHours: "Overgenomen" }))),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.gemeente.findUniqueOrThrow({ where: { id: denHaag.id } })).contactHours).not.toBe("Overgenomen");
  });

  it.each([
    ["javascript:alert(1)", "invalidUrl"],
    ["data:text/html,<script>alert(1)</script>", "invalidUrl"],
    ["ftp://files.example.nl", "invalidUrl"],
    ["https://user:secret@example.nl", "invalidUrl"],
    ["geen adres", "invalidUrl"],
    [`https://example.nl/${"a".repeat(500)}`, "tooLong"],
  ])("refuses %s as a client support website", (url, error) => {
    const result = gemeenteContactInput.safeParse(form("g1", { clientSupportUrl: url }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["clientSupportUrl", error]]);
  });

  it("accepts a website as people type it, and empty fields as not filled in", () => {
    const parsed = gemeenteContactInput.parse(
      form("g1", { clientSupportUrl: " www.example.nl/steun ", contactHours: "", clientSupportName: "  ", clientSupportPhone: "" }),
    );
    expect(parsed).toMatchObject({ clientSupportUrl: "https://www.example.nl/steun", contactHours: null, clientSupportName: null, clientSupportPhone: null });
    expect(gemeenteContactInput.parse(form("g1", { clientSupportUrl: "" })).clientSupportUrl).toBeNull();
  });

  it.each(["contactPhone", "clientSupportPhone"])("refuses a %s that is not a phone number", (field) => {
    const result = gemeenteContactInput.safeParse(form("g1", { [field]: "bel ons gerust" }));
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, "invalidPhone"]]);
  });

  it("refuses hours that are too long", () => {
    const result = gemeenteContactInput.safeParse(form("g1", { contactHours: "x".repeat(301) }));
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["contactHours", "tooLong"]]);
  });
});

describe("directory of gemeenten: demo data", () => {
  it("fills the public details of the demo gemeenten and keeps what an admin changed", async () => {
    await seedDemo();
    for (const code of [DEN_HAAG, DELFT]) {
      const entry = await findGemeenteDirectoryEntry(code);
      expect(Object.values(entry!.aanspreekpunt).every(Boolean), code).toBe(true);
      expect(Object.values(entry!.clientSupport).every(Boolean), code).toBe(true);
      expect(entry!.region?.expertTeam).toMatchObject({ email: expect.stringContaining("@"), phone: expect.any(String) });
    }

    const denHaag = await prisma.gemeente.update({ where: { cbsCode: DEN_HAAG }, data: { contactHours: "Door de beheerder gewijzigd" } });
    expect(await seedDemo()).toBe("already-seeded");
    expect((await prisma.gemeente.findUniqueOrThrow({ where: { id: denHaag.id } })).contactHours).toBe("Door de beheerder gewijzigd");
    // The whole demo seed runs twice: two years of history, their figures, signals and reports.
  }, 180_000);
});
