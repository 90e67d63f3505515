import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Gemeenten and jeugdregio's change every year, so they live in CSV files
 * (prisma/data) and are imported, never hard-coded. Importing is idempotent:
 * it adds and renames, and moves a gemeente to its current region.
 */
const dataDir = path.join(process.cwd(), "prisma", "data");

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** The newest gemeenten-YYYY.csv in prisma/data. */
export function gemeentenFile(): string {
  const files = readdirSync(dataDir).filter((f) => /^gemeenten-\d{4}\.csv$/.test(f)).sort();
  const newest = files.at(-1);
  if (!newest) throw new Error(`No gemeenten-YYYY.csv in ${dataDir}`);
  return newest;
}

export async function importReferenceData(prisma: PrismaClient): Promise<{ gemeenten: number; regions: number }> {
  const gemeenten = readCsv<{ code: string; name: string }>(gemeentenFile());
  const memberships = readCsv<{ region_code: string; region_name: string; gemeente_code: string }>("jeugdregios.csv");

  const commonNames = new Map(
    readCsv<{ code: string; common_name: string }>("gemeente-roepnamen.csv").map((r) => [r.code, r.common_name]),
  );
  for (const g of gemeenten) {
    const commonName = commonNames.get(g.code) ?? null;
    await prisma.gemeente.upsert({
      where: { cbsCode: g.code },
      create: { cbsCode: g.code, name: g.name, commonName },
      update: { name: g.name, commonName },
    });
  }
  const regions = new Map(memberships.map((m) => [m.region_code, m.region_name]));
  for (const [code, name] of regions) {
    const region = await prisma.region.upsert({ where: { code }, create: { code, name }, update: { name } });
    await prisma.expertTeam.upsert({
      where: { regionId: region.id },
      create: { regionId: region.id, name: `Expertteam ${name}` },
      update: {},
    });
    const members = memberships.filter((m) => m.region_code === code).map((m) => m.gemeente_code);
    await prisma.gemeente.updateMany({ where: { cbsCode: { in: members } }, data: { regionId: region.id } });
  }
  return { gemeenten: gemeenten.length, regions: regions.size };
}
