import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { importReferenceData, regionsFile } from "@/prisma/seed/reference";
import { prisma } from "@/tests/support/owner-db";

const dataDir = path.join(process.cwd(), "prisma", "data");
const csvRows = parse(readFileSync(path.join(dataDir, regionsFile()), "utf8"), { columns: true, trim: true }) as {
  gemeente_code: string;
  jeugdregio_code: string;
  jeugdregio_naam: string;
}[];

const regionOf = async (cbsCode: string) =>
  (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode }, select: { region: { select: { code: true, name: true } } } })).region;

describe("reference data in the template database", () => {
  it("has all 342 gemeenten, each in a region", async () => {
    expect(await prisma.gemeente.count()).toBe(342);
    expect(await prisma.gemeente.count({ where: { regionId: null } })).toBe(0);
  });

  it("has the 42 jeugdregio's under their CBS codes JZ01–JZ43 (CBS has no JZ40), each with its expert team", async () => {
    const regions = await prisma.region.findMany({ orderBy: { code: "asc" }, include: { expertTeam: true, _count: { select: { gemeenten: true } } } });
    const expected = Array.from({ length: 43 }, (_, i) => `JZ${String(i + 1).padStart(2, "0")}`).filter((code) => code !== "JZ40");
    expect(regions.map((r) => r.code)).toEqual(expected);
    for (const region of regions) {
      expect(region.expertTeam?.name).toBe(`Expertteam ${region.name}`);
      expect(region._count.gemeenten).toBeGreaterThan(0);
    }
  });

  it("puts every gemeente in the region the CBS list names", async () => {
    const gemeenten = await prisma.gemeente.findMany({ select: { cbsCode: true, region: { select: { code: true, name: true } } } });
    const actual = new Map(gemeenten.map((g) => [g.cbsCode, g.region]));
    expect(csvRows).toHaveLength(342);
    for (const row of csvRows) expect(actual.get(row.gemeente_code), row.gemeente_code).toEqual({ code: row.jeugdregio_code, name: row.jeugdregio_naam });
  });

  it.each([
    ["GM1621", "Lansingerland", "JZ29", "Rijnmond"],
    ["GM0626", "Voorschoten", "JZ18", "Holland Rijnland"],
    ["GM0518", "Den Haag", "JZ24", "Haaglanden"],
    ["GM1978", "Molenlanden", "JZ31", "Zuid-Holland Zuid"],
    ["GM0363", "Amsterdam", "JZ13", "Amsterdam-Amstelland"],
    ["GM0014", "Groningen", "JZ01", "Groningen"],
  ])("puts %s (%s) in %s %s", async (cbsCode, _name, code, name) => {
    expect(await regionOf(cbsCode)).toEqual({ code, name });
  });
});

describe("importReferenceData", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "doorbraak-reference-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is idempotent, keeps what admins filled in and moves a gemeente back to its listed region", async () => {
    const delft = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: "GM0503" } });
    const rijnmond = await prisma.region.findUniqueOrThrow({ where: { code: "JZ29" }, include: { expertTeam: true } });
    await prisma.gemeente.update({ where: { id: delft.id }, data: { regionId: rijnmond.id } });
    await prisma.expertTeam.update({ where: { id: rijnmond.expertTeam!.id }, data: { email: "expertteam@rijnmond.example" } });
    const regionIds = await prisma.region.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } });

    const result = await importReferenceData(prisma);
    expect(result).toEqual({ gemeenten: 342, regions: 42, unlistedRegions: [] });
    expect(await importReferenceData(prisma)).toEqual(result);

    expect(await regionOf("GM0503")).toEqual({ code: "JZ24", name: "Haaglanden" });
    expect(await prisma.region.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } })).toEqual(regionIds);
    expect(await prisma.gemeente.count()).toBe(342);
    expect(await prisma.expertTeam.count()).toBe(42);
    expect((await prisma.expertTeam.findUniqueOrThrow({ where: { id: rijnmond.expertTeam!.id } })).email).toBe("expertteam@rijnmond.example");
  });

  it("names regions in the database that the list does not", async () => {
    const old = await prisma.region.create({ data: { code: "JR-OUD", name: "Oude regio" } });
    try {
      expect((await importReferenceData(prisma)).unlistedRegions).toEqual(["JR-OUD"]);
    } finally {
      await prisma.region.delete({ where: { id: old.id } });
    }
  });

  it("refuses a region list that leaves a gemeente out or places one twice, and writes nothing", async () => {
    copyFileSync(path.join(dataDir, "gemeenten-2025.csv"), path.join(scratch, "gemeenten-2025.csv"));
    const lines = readFileSync(path.join(dataDir, regionsFile()), "utf8").trimEnd().split("\n");
    const voorschoten = lines.findIndex((l) => l.startsWith("GM0626,"));
    const bad = lines.filter((_, i) => i !== voorschoten);
    bad.push("GM0503,Delft,JZ29,Rijnmond", "GM9999,Nergenshuizen,JZ24,Haaglanden");
    writeFileSync(path.join(scratch, "jeugdregios-2099.csv"), `${bad.join("\n")}\n`);
    // A change of name that a valid import would write: it must not be written.
    const commonNames = readFileSync(path.join(dataDir, "gemeente-roepnamen.csv"), "utf8");
    expect(commonNames).toContain("GM0518,Den Haag\n");
    writeFileSync(path.join(scratch, "gemeente-roepnamen.csv"), commonNames.replace("GM0518,Den Haag\n", "GM0518,Den Haag Nieuw\n"));

    const failure = importReferenceData(prisma, { dataDir: scratch });
    await expect(failure).rejects.toThrow(`${scratch}/jeugdregios-2099.csv does not fit ${scratch}/gemeenten-2025.csv`);
    await expect(failure).rejects.toThrow(`line ${bad.length - 1}: gemeente GM0503 already has a region on line`);
    await expect(failure).rejects.toThrow(`line ${bad.length}: gemeente GM9999 is not in the gemeenten list`);
    await expect(failure).rejects.toThrow("gemeente GM0626 (Voorschoten) has no region");
    expect((await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: "GM0518" } })).commonName).toBe("Den Haag");
    expect(await regionOf("GM0626")).toEqual({ code: "JZ18", name: "Holland Rijnland" });
  });
});
