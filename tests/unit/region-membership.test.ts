import { describe, expect, it } from "vitest";
import { checkRegionMembership, type RegionMembershipRow } from "@/lib/domain/region-membership";

const gemeenten = [
  { code: "GM0518", name: "'s-Gravenhage" },
  { code: "GM0503", name: "Delft" },
  { code: "GM1621", name: "Lansingerland" },
];

let nextLine = 2;
function row(gemeenteCode: string, gemeenteName: string, regionCode: string, regionName: string): RegionMembershipRow {
  return { line: nextLine++, gemeenteCode, gemeenteName, regionCode, regionName };
}

function valid(): RegionMembershipRow[] {
  nextLine = 2;
  return [
    row("GM0518", "'s-Gravenhage", "JZ24", "Haaglanden"),
    row("GM0503", "Delft", "JZ24", "Haaglanden"),
    row("GM1621", "Lansingerland", "JZ29", "Rijnmond"),
  ];
}

function problemsOf(rows: RegionMembershipRow[], list = gemeenten): string[] {
  const check = checkRegionMembership(list, rows);
  return check.ok ? [] : check.problems;
}

describe("checkRegionMembership", () => {
  it("groups the gemeenten by region, in code order", () => {
    const rows = valid().reverse();
    expect(checkRegionMembership(gemeenten, rows)).toEqual({
      ok: true,
      regions: [
        { code: "JZ24", name: "Haaglanden", gemeenteCodes: ["GM0503", "GM0518"] },
        { code: "JZ29", name: "Rijnmond", gemeenteCodes: ["GM1621"] },
      ],
    });
  });

  it("refuses a list that leaves a gemeente without a region", () => {
    expect(problemsOf(valid().slice(0, 2))).toEqual(["gemeente GM1621 (Lansingerland) has no region"]);
  });

  it("refuses a gemeente in two regions, naming both lines", () => {
    const rows = [...valid(), row("GM0503", "Delft", "JZ29", "Rijnmond")];
    expect(problemsOf(rows)).toEqual(["line 5: gemeente GM0503 already has a region on line 3"]);
  });

  it("refuses a gemeente code that is not in the gemeenten list", () => {
    const rows = [...valid(), row("GM9999", "Nergens", "JZ24", "Haaglanden")];
    expect(problemsOf(rows)).toEqual(["line 5: gemeente GM9999 is not in the gemeenten list"]);
  });

  it("refuses a region code that is not a CBS jeugdregio code", () => {
    const rows = valid();
    rows[2] = { ...rows[2]!, regionCode: "JR-RIJNMOND" };
    expect(problemsOf(rows)).toEqual([
      "line 4: region code JR-RIJNMOND is not a CBS jeugdregio code (JZ and two digits)",
      "gemeente GM1621 (Lansingerland) has no region",
    ]);
  });

  it("refuses one region code with two names", () => {
    const rows = valid();
    rows[1] = { ...rows[1]!, regionName: "Haaglanden-Zuid" };
    expect(problemsOf(rows)).toEqual(['line 3: region JZ24 is called "Haaglanden-Zuid" here but "Haaglanden" on line 2']);
  });

  it("refuses a gemeente whose name differs from the gemeenten list (files out of step)", () => {
    const rows = valid();
    rows[1] = { ...rows[1]!, gemeenteName: "Rijswijk" };
    expect(problemsOf(rows)).toEqual(['line 3: GM0503 is called "Rijswijk" here but "Delft" in the gemeenten list']);
  });

  it("refuses a line with an empty field", () => {
    const rows = valid();
    rows[0] = { ...rows[0]!, regionName: "" };
    expect(problemsOf(rows)).toEqual([
      "line 2: gemeente code, region code and region name are all required",
      "gemeente GM0518 ('s-Gravenhage) has no region",
    ]);
  });

  it("refuses a gemeenten list with a code twice", () => {
    expect(problemsOf(valid(), [...gemeenten, { code: "GM0503", name: "Delft" }])).toEqual(["gemeente GM0503 is in the gemeenten list twice"]);
  });

  it("reports every problem at once, not only the first", () => {
    const rows = [...valid().slice(1), row("GM9999", "Nergens", "JZ24", "Haaglanden"), row("GM0503", "Delft", "JZ24", "Haaglanden")];
    expect(problemsOf(rows)).toHaveLength(3);
  });
});
