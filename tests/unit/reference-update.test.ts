import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkReferenceFile,
  dayBefore,
  decodeReferenceFile,
  diffReference,
  isEmptyDiff,
  isIsoDate,
  MAX_REFERENCE_FILE_BYTES,
  readReferenceList,
  referenceIssueCodes,
  type CurrentReference,
  type ReferenceIssue,
} from "@/lib/domain/reference-update";

const header = "gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam,voorgangers";

const current: CurrentReference = {
  gemeenten: [
    { code: "GM0001", name: "Aadorp", regionCode: "JZ01", endedOn: null, successorCode: null },
    { code: "GM0002", name: "Beekdorp", regionCode: "JZ01", endedOn: null, successorCode: null },
    { code: "GM0003", name: "Cestad", regionCode: "JZ02", endedOn: null, successorCode: null },
    { code: "GM0004", name: "Dijkveen", regionCode: null, endedOn: null, successorCode: null },
  ],
  regions: [
    { code: "JZ01", name: "Noord" },
    { code: "JZ02", name: "Zuid" },
  ],
};

const unchanged = [
  "GM0001,Aadorp,JZ01,Noord,",
  "GM0002,Beekdorp,JZ01,Noord,",
  "GM0003,Cestad,JZ02,Zuid,",
  "GM0004,Dijkveen,JZ02,Zuid,",
];

function list(...lines: string[]): string {
  return [header, ...lines].join("\n") + "\n";
}

function issuesOf(text: string, data: CurrentReference = current): Pick<ReferenceIssue, "line" | "code">[] {
  const read = readReferenceList(text);
  const result = read.ok ? diffReference(read.rows, data) : read;
  if (result.ok) throw new Error("the list was accepted");
  return result.issues.map(({ line, code }) => ({ line, code }));
}

function diffOf(text: string, data: CurrentReference = current) {
  const read = readReferenceList(text);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const result = diffReference(read.rows, data);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.diff;
}

describe("reading a CBS list", () => {
  it("reads the project's own columns, without the optional predecessors", () => {
    const read = readReferenceList("gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam\r\nGM0001,Aadorp,JZ01,Noord\r\n");
    expect(read).toEqual({ ok: true, rows: [{ line: 2, code: "GM0001", name: "Aadorp", regionCode: "JZ01", regionName: "Noord", predecessors: [] }] });
  });

  it("reads predecessors separated by semicolons, and quoted names with commas", () => {
    const read = readReferenceList(list('GM0009,"Dorp, Groot",JZ01,Noord, GM0001 ; gm0002 '));
    expect(read.ok && read.rows[0]).toMatchObject({ name: "Dorp, Groot", predecessors: ["GM0001", "GM0002"] });
  });

  it.each([
    ["no header", "", [{ line: null, code: "empty" }]],
    ["a header only", `${header}\n`, [{ line: null, code: "empty" }]],
    ["a missing column", "gemeente_code,gemeente_naam,jeugdregio_code\nGM0001,Aadorp,JZ01\n", [{ line: 1, code: "headerMissing" }]],
    ["an unknown column", `${header},extra\n`, [{ line: 1, code: "headerUnknown" }]],
    ["a column twice", `${header},gemeente_naam\n`, [{ line: 1, code: "headerTwice" }]],
    ["an unclosed quote", list('GM0001,"Aadorp,JZ01,Noord,'), [{ line: 2, code: "malformed" }]],
    ["too few fields", list("GM0001,Aadorp,JZ01"), [{ line: 2, code: "columnCount" }]],
    ["a bad gemeente code", list("GM01,Aadorp,JZ01,Noord,"), [{ line: 2, code: "gemeenteCode" }]],
    ["no name", list("GM0001,,JZ01,Noord,"), [{ line: 2, code: "gemeenteName" }]],
    ["no region", list("GM0001,Aadorp,,,"), [{ line: 2, code: "regionMissing" }]],
    ["a region without a name", list("GM0001,Aadorp,JZ01,,"), [{ line: 2, code: "regionName" }]],
    ["a bad predecessor code", list("GM0001,Aadorp,JZ01,Noord,0002"), [{ line: 2, code: "predecessorCode" }]],
    ["a gemeente twice", list("GM0001,Aadorp,JZ01,Noord,", "GM0001,Aadorp,JZ01,Noord,"), [{ line: 3, code: "duplicateGemeente" }]],
    ["a region with two names", list("GM0001,Aadorp,JZ01,Noord,", "GM0002,Beekdorp,JZ01,Noorden,"), [{ line: 3, code: "regionNameConflict" }]],
    ["a predecessor of itself", list("GM0001,Aadorp,JZ01,Noord,GM0001"), [{ line: 2, code: "predecessorSelf" }]],
    ["a predecessor named twice", list("GM0005,Nieuw,JZ01,Noord,GM0001", "GM0006,Ander,JZ01,Noord,GM0001"), [{ line: 3, code: "predecessorTwice" }]],
    ["a predecessor that stays", list("GM0001,Aadorp,JZ01,Noord,", "GM0005,Nieuw,JZ01,Noord,GM0001"), [{ line: 3, code: "predecessorListed" }]],
  ])("refuses %s, naming the line", (_, text, expected) => {
    expect(issuesOf(text)).toEqual(expected);
  });

  it("names every bad line, in the order of the file", () => {
    expect(issuesOf(list("GM1,Aadorp,JZ01,Noord,", "GM0002,Beekdorp,JZ01,Noord,", "GM0003,,JZ02,Zuid,")).map((i) => i.line)).toEqual([2, 4]);
  });

  it("refuses a file that is not UTF-8 or too large", () => {
    expect(decodeReferenceFile(new Uint8Array([0x47, 0x4d, 0xe9, 0x0a]))).toMatchObject({ ok: false, issues: [{ code: "notUtf8" }] });
    expect(decodeReferenceFile(new Uint8Array(MAX_REFERENCE_FILE_BYTES + 1))).toMatchObject({ ok: false, issues: [{ code: "tooLarge" }] });
  });
});

describe("comparing a list with the current data", () => {
  it("finds nothing to change in a list that matches, apart from a gemeente placed in its first region", () => {
    const diff = diffOf(list(...unchanged));
    expect(diff.moved).toEqual([{ code: "GM0004", name: "Dijkveen", oldRegionCode: null, newRegionCode: "JZ02" }]);
    expect(diff.unchanged).toBe(3);
    const settled = { ...current, gemeenten: current.gemeenten.map((g) => ({ ...g, regionCode: g.regionCode ?? "JZ02" })) };
    const same = diffOf(list(...unchanged), settled);
    expect(isEmptyDiff(same)).toBe(true);
    expect(same.unchanged).toBe(4);
  });

  it("sees added and renamed gemeenten, new and renamed regions, and moves", () => {
    const diff = diffOf(
      list("GM0001,Aadorp aan Zee,JZ01,Noord,", "GM0002,Beekdorp,JZ03,Oost,", "GM0003,Cestad,JZ02,Het Zuiden,", "GM0004,Dijkveen,JZ02,Het Zuiden,", "GM0010,Nieuwstad,JZ03,Oost,"),
    );
    expect(diff.added).toEqual([{ code: "GM0010", name: "Nieuwstad", regionCode: "JZ03" }]);
    expect(diff.renamed).toEqual([{ code: "GM0001", oldName: "Aadorp", newName: "Aadorp aan Zee" }]);
    expect(diff.regionsAdded).toEqual([{ code: "JZ03", name: "Oost" }]);
    expect(diff.regionsRenamed).toEqual([{ code: "JZ02", oldName: "Zuid", newName: "Het Zuiden" }]);
    expect(diff.moved.map((m) => m.code)).toEqual(["GM0002", "GM0004"]);
    expect(diff.merged).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it("sees a merger into a new gemeente, and into one that goes on", () => {
    const intoNew = diffOf(list("GM0050,Aabeek,JZ01,Noord,GM0001;GM0002", "GM0003,Cestad,JZ02,Zuid,", "GM0004,Dijkveen,JZ02,Zuid,"));
    expect(intoNew.merged).toEqual([
      { code: "GM0050", name: "Aabeek", isNew: true, predecessors: [{ code: "GM0001", name: "Aadorp" }, { code: "GM0002", name: "Beekdorp" }] },
    ]);
    expect(intoNew.added.map((a) => a.code)).toEqual(["GM0050"]);
    const intoExisting = diffOf(list("GM0001,Aadorp,JZ01,Noord,GM0002", "GM0003,Cestad,JZ02,Zuid,GM0004"));
    expect(intoExisting.merged.map((m) => [m.code, m.isNew, m.predecessors.map((p) => p.code)])).toEqual([
      ["GM0001", false, ["GM0002"]],
      ["GM0003", false, ["GM0004"]],
    ]);
    expect(intoExisting.added).toEqual([]);
  });

  it("recognises a merger applied before, so the same list changes nothing the second time", () => {
    const after: CurrentReference = {
      regions: current.regions,
      gemeenten: [
        { code: "GM0001", name: "Aadorp", regionCode: "JZ01", endedOn: "2026-12-31", successorCode: "GM0050" },
        { code: "GM0002", name: "Beekdorp", regionCode: "JZ01", endedOn: "2026-12-31", successorCode: "GM0050" },
        { code: "GM0050", name: "Aabeek", regionCode: "JZ01", endedOn: null, successorCode: null },
        { code: "GM0003", name: "Cestad", regionCode: "JZ02", endedOn: null, successorCode: null },
        { code: "GM0004", name: "Dijkveen", regionCode: "JZ02", endedOn: null, successorCode: null },
      ],
    };
    const text = list("GM0050,Aabeek,JZ01,Noord,GM0001;GM0002", "GM0003,Cestad,JZ02,Zuid,", "GM0004,Dijkveen,JZ02,Zuid,");
    expect(isEmptyDiff(diffOf(text, after))).toBe(true);
    // An ended gemeente cannot come back, nor merge into a second one.
    expect(issuesOf(list("GM0050,Aabeek,JZ01,Noord,", "GM0001,Aadorp,JZ01,Noord,", "GM0003,Cestad,JZ02,Zuid,", "GM0004,Dijkveen,JZ02,Zuid,"), after)).toEqual([
      { line: 3, code: "endedReturns" },
    ]);
    expect(issuesOf(list("GM0050,Aabeek,JZ01,Noord,", "GM0003,Cestad,JZ02,Zuid,GM0001", "GM0004,Dijkveen,JZ02,Zuid,"), after)).toEqual([
      { line: 3, code: "predecessorElsewhere" },
    ]);
  });

  it("refuses a gemeente that disappears, an unknown predecessor and a region code in another form", () => {
    expect(issuesOf(list("GM0001,Aadorp,JZ01,Noord,", "GM0002,Beekdorp,JZ01,Noord,", "GM0003,Cestad,JZ02,Zuid,"))).toEqual([{ line: null, code: "disappears" }]);
    expect(issuesOf(list(...unchanged, "GM0060,Nieuw,JZ01,Noord,GM0999"))).toEqual([{ line: 6, code: "predecessorUnknown" }]);
    expect(issuesOf(list(...unchanged.slice(0, 3), "GM0004,Dijkveen,R-ZUID,Zuid,"))).toEqual([{ line: 5, code: "regionCode" }]);
  });

  it("accepts a region code the data already has in another form", () => {
    const legacy: CurrentReference = { ...current, regions: [...current.regions, { code: "JR-WEST", name: "West" }] };
    expect(diffOf(list(...unchanged.slice(0, 3), "GM0004,Dijkveen,JR-WEST,West,"), legacy).moved).toHaveLength(1);
  });

  it("checks an upload from its bytes", () => {
    const bytes = new TextEncoder().encode(list(...unchanged));
    expect(checkReferenceFile(bytes, current).ok).toBe(true);
  });
});

describe("dates", () => {
  it("end a merged gemeente on the day before the list's date", () => {
    expect(dayBefore("2027-01-01")).toBe("2026-12-31");
    expect(dayBefore("2028-03-01")).toBe("2028-02-29");
  });

  it("accept real calendar dates only", () => {
    expect(isIsoDate("2027-01-01")).toBe(true);
    expect(isIsoDate("2027-02-30")).toBe(false);
    expect(isIsoDate("1-1-2027")).toBe(false);
  });
});

describe("messages", () => {
  it("explain every reason for refusing a list, in every language", () => {
    for (const locale of ["nl", "en"]) {
      const catalog = JSON.parse(readFileSync(`lib/i18n/messages/${locale}/reference.json`, "utf8")) as { reference: { issues: Record<string, string> } };
      expect(Object.keys(catalog.reference.issues).sort(), locale).toEqual([...referenceIssueCodes].sort());
    }
  });
});
