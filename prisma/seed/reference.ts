import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { checkRegionMembership, type RegionMembershipRow } from "@/lib/domain/region-membership";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Gemeenten and jeugdregio's change every year, so they live in CSV files
 * (prisma/data) and are imported, never hard-coded. Importing is idempotent:
 * it adds and renames, and moves a gemeente to its current region.
 */
const defaultDataDir = path.join(process.cwd(), "prisma", "data");

function readCsv<T>(file: string, dataDir = defaultDataDir): T[] {
  return parse(readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** The newest file named `<prefix>-YYYY.csv` in prisma/data. */
function newestFile(prefix: string, dataDir: string): string {
  const pattern = new RegExp(`^${prefix}-\\d{4}\\.csv$`);
  const newest = readdirSync(dataDir).filter((f) => pattern.test(f)).sort().at(-1);
  if (!newest) throw new Error(`No ${prefix}-YYYY.csv in ${dataDir}`);
  return newest;
}

/** The newest gemeenten-YYYY.csv in prisma/data. */
export function gemeentenFile(dataDir = defaultDataDir): string {
  return newestFile("gemeenten", dataDir);
}

/** The newest jeugdregios-YYYY.csv in prisma/data: every gemeente with its CBS jeugdregio (source: jeugdregios-YYYY.md). */
export function regionsFile(dataDir = defaultDataDir): string {
  return newestFile("jeugdregios", dataDir);
}

function readRegionRows(file: string, dataDir: string): RegionMembershipRow[] {
  type Columns = { gemeente_code?: string; gemeente_naam?: string; jeugdregio_code?: string; jeugdregio_naam?: string };
  const records = parse(readFileSync(path.join(dataDir, file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as { record: Columns; info: { lines: number } }[];
  return records.map(({ record, info }) => ({
    line: info.lines,
    gemeenteCode: record.gemeente_code ?? "",
    gemeenteName: record.gemeente_naam ?? "",
    regionCode: record.jeugdregio_code ?? "",
    regionName: record.jeugdregio_naam ?? "",
  }));
}

export type ReferenceImport = {
  gemeenten: number;
  regions: number;
  /** Regions in the database that the list no longer names (left as they are, with their staff and cases) */
  unlistedRegions: string[];
};

/**
 * Imports the newest gemeenten and jeugdregio lists in one transaction. The
 * lists are checked against each other first: a gemeente without a region,
 * or with two, or an unknown code, stops the import before anything is written.
 */
export async function importReferenceData(
  prisma: PrismaClient,
  { dataDir = defaultDataDir }: { dataDir?: string } = {},
): Promise<ReferenceImport> {
  const listFile = gemeentenFile(dataDir);
  const gemeenten = readCsv<{ code: string; name: string }>(listFile, dataDir);
  const membershipFile = regionsFile(dataDir);
  const check = checkRegionMembership(gemeenten, readRegionRows(membershipFile, dataDir));
  if (!check.ok) {
    const where = dataDir === defaultDataDir ? "prisma/data" : dataDir;
    throw new Error(`${where}/${membershipFile} does not fit ${where}/${listFile}:\n  ${check.problems.join("\n  ")}`);
  }
  const commonNames = new Map(
    readCsv<{ code: string; common_name: string }>("gemeente-roepnamen.csv", dataDir).map((r) => [r.code, r.common_name]),
  );

  // Gemeenten are written only where they differ: the import runs at every demo start.
  return prisma.$transaction(
    async (tx) => {
      const regionIdOf = new Map<string, string>();
      for (const { code, name } of check.regions) {
        const region = await tx.region.upsert({ where: { code }, create: { code, name }, update: { name } });
        regionIdOf.set(code, region.id);
        await tx.expertTeam.upsert({
          where: { regionId: region.id },
          create: { regionId: region.id, name: `Expertteam ${name}` },
          update: {},
        });
      }
      const wantedRegion = new Map(check.regions.flatMap((r) => r.gemeenteCodes.map((g) => [g, regionIdOf.get(r.code)!] as const)));

      const existing = new Map(
        (await tx.gemeente.findMany({ select: { cbsCode: true, name: true, commonName: true, regionId: true } })).map((g) => [g.cbsCode, g]),
      );
      const missing: { cbsCode: string; name: string; commonName: string | null; regionId: string }[] = [];
      for (const g of gemeenten) {
        const wanted = { name: g.name, commonName: commonNames.get(g.code) ?? null, regionId: wantedRegion.get(g.code)! };
        const current = existing.get(g.code);
        if (!current) missing.push({ cbsCode: g.code, ...wanted });
        else if (current.name !== wanted.name || current.commonName !== wanted.commonName || current.regionId !== wanted.regionId) {
          await tx.gemeente.update({ where: { cbsCode: g.code }, data: wanted });
        }
      }
      if (missing.length > 0) await tx.gemeente.createMany({ data: missing });

      const listed = new Set(check.regions.map((r) => r.code));
      const unlistedRegions = (await tx.region.findMany({ select: { code: true }, orderBy: { code: "asc" } }))
        .map((r) => r.code)
        .filter((code) => !listed.has(code));
      return { gemeenten: gemeenten.length, regions: check.regions.length, unlistedRegions };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
