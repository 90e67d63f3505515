/**
 * Which jeugdregio each gemeente belongs to, read from the CBS list in
 * prisma/data. Routing to an expert team depends on it, so a list that would
 * leave a gemeente without a region, or put it in two, is refused as a whole
 * rather than imported in part.
 */

/** A gemeente of the current CBS gemeenten list. */
export type ListedGemeente = { code: string; name: string };

/** One line of the region list; `line` is its line number in the file, for the messages. */
export type RegionMembershipRow = {
  line: number;
  gemeenteCode: string;
  gemeenteName: string;
  regionCode: string;
  regionName: string;
};

export type RegionWithMembers = { code: string; name: string; gemeenteCodes: string[] };

export type RegionMembershipCheck = { ok: true; regions: RegionWithMembers[] } | { ok: false; problems: string[] };

/** CBS's jeugdregio codes: JZ and two digits. */
const regionCodePattern = /^JZ\d{2}$/;

export function checkRegionMembership(gemeenten: readonly ListedGemeente[], rows: readonly RegionMembershipRow[]): RegionMembershipCheck {
  const problems: string[] = [];
  const listed = new Map<string, string>();
  for (const g of gemeenten) {
    if (listed.has(g.code)) problems.push(`gemeente ${g.code} is in the gemeenten list twice`);
    listed.set(g.code, g.name);
  }
  const placed = new Map<string, number>();
  const regions = new Map<string, RegionWithMembers & { line: number }>();

  for (const row of rows) {
    const at = `line ${row.line}`;
    if (!row.gemeenteCode || !row.regionCode || !row.regionName) {
      problems.push(`${at}: gemeente code, region code and region name are all required`);
      continue;
    }
    if (!regionCodePattern.test(row.regionCode)) {
      problems.push(`${at}: region code ${row.regionCode} is not a CBS jeugdregio code (JZ and two digits)`);
      continue;
    }
    const listedName = listed.get(row.gemeenteCode);
    if (listedName === undefined) {
      problems.push(`${at}: gemeente ${row.gemeenteCode} is not in the gemeenten list`);
      continue;
    }
    // A name that differs means the two files are of different years or out of step.
    if (row.gemeenteName && row.gemeenteName !== listedName) {
      problems.push(`${at}: ${row.gemeenteCode} is called "${row.gemeenteName}" here but "${listedName}" in the gemeenten list`);
    }
    const earlier = placed.get(row.gemeenteCode);
    if (earlier !== undefined) {
      problems.push(`${at}: gemeente ${row.gemeenteCode} already has a region on line ${earlier}`);
      continue;
    }
    placed.set(row.gemeenteCode, row.line);
    const region = regions.get(row.regionCode);
    if (!region) {
      regions.set(row.regionCode, { code: row.regionCode, name: row.regionName, gemeenteCodes: [row.gemeenteCode], line: row.line });
    } else if (region.name !== row.regionName) {
      problems.push(`${at}: region ${row.regionCode} is called "${row.regionName}" here but "${region.name}" on line ${region.line}`);
    } else {
      region.gemeenteCodes.push(row.gemeenteCode);
    }
  }
  for (const [code, name] of listed) {
    if (!placed.has(code)) problems.push(`gemeente ${code} (${name}) has no region`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    regions: [...regions.values()]
      .map(({ code, name, gemeenteCodes }) => ({ code, name, gemeenteCodes }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
