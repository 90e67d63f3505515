import { CsvError, parse } from "csv-parse/sync";

/**
 * The yearly CBS list of gemeenten and jeugdregio's, as a platform admin or an
 * operator uploads it (decision 019). One row per gemeente that exists from the
 * list's date on, with the columns of the project's own list:
 *
 *   gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam[,voorgangers]
 *
 * `voorgangers` (optional) names, separated by `;`, the CBS codes of the gemeenten
 * that merge into this row's gemeente on that date. The row's gemeente may be new
 * (a new code) or one that goes on and takes in its neighbours. Every gemeente that
 * exists now must come back: as a row of its own, or as a predecessor of one.
 * Nothing else can end a gemeente, so no case is ever left without one.
 */

/** Larger than any real list (342 rows are about 15 kB), small enough to parse on a request. */
export const MAX_REFERENCE_FILE_BYTES = 1024 * 1024;

export const requiredColumns = ["gemeente_code", "gemeente_naam", "jeugdregio_code", "jeugdregio_naam"] as const;
export const predecessorsColumn = "voorgangers";

const gemeenteCodePattern = /^GM\d{4}$/;
/** CBS's codes of the jeugdregio's (JZ01–JZ43) */
const regionCodePattern = /^JZ\d{2}$/;

/** Why a list was refused: keys of `reference.issues` in the message catalogs. */
export const referenceIssueCodes = [
  "notUtf8",
  "tooLarge",
  "empty",
  "malformed",
  "headerMissing",
  "headerUnknown",
  "headerTwice",
  "columnCount",
  "gemeenteCode",
  "gemeenteName",
  "regionMissing",
  "regionCode",
  "regionName",
  "duplicateGemeente",
  "regionNameConflict",
  "predecessorCode",
  "predecessorSelf",
  "predecessorTwice",
  "predecessorListed",
  "predecessorUnknown",
  "predecessorElsewhere",
  "endedReturns",
  "disappears",
] as const;

export type ReferenceIssueCode = (typeof referenceIssueCodes)[number];

export type ReferenceIssue = {
  /** Line in the file (the header is line 1); null for the file as a whole */
  line: number | null;
  code: ReferenceIssueCode;
  values: Record<string, string | number>;
};

export type ReferenceRow = {
  line: number;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  predecessors: string[];
};

/** The reference data as it is now, by CBS codes. */
export type CurrentReference = {
  gemeenten: {
    code: string;
    name: string;
    regionCode: string | null;
    /** Set for a gemeente that merged into another before */
    endedOn: string | null;
    successorCode: string | null;
  }[];
  regions: { code: string; name: string }[];
};

export type ReferenceDiff = {
  /** Gemeenten that did not exist, also those a merger makes */
  added: { code: string; name: string; regionCode: string }[];
  renamed: { code: string; oldName: string; newName: string }[];
  /** Old gemeenten (predecessors) that end and merge into `code` */
  merged: { code: string; name: string; isNew: boolean; predecessors: { code: string; name: string }[] }[];
  /** Existing gemeenten that belong to another jeugdregio from now on (or to one for the first time) */
  moved: { code: string; name: string; oldRegionCode: string | null; newRegionCode: string }[];
  regionsAdded: { code: string; name: string }[];
  regionsRenamed: { code: string; oldName: string; newName: string }[];
  /** Gemeenten in the list that stay as they are */
  unchanged: number;
};

export type ReadResult = { ok: true; rows: ReferenceRow[] } | { ok: false; issues: ReferenceIssue[] };
export type DiffResult = { ok: true; diff: ReferenceDiff } | { ok: false; issues: ReferenceIssue[] };

function issue(line: number | null, code: ReferenceIssueCode, values: Record<string, string | number> = {}): ReferenceIssue {
  return { line, code, values };
}

/** Decodes the upload strictly: a list in another encoding would turn "Súdwest-Fryslân" into something else without a word. */
export function decodeReferenceFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; issues: ReferenceIssue[] } {
  if (bytes.byteLength > MAX_REFERENCE_FILE_BYTES) return { ok: false, issues: [issue(null, "tooLarge", { max: "1 MB" })] };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, issues: [issue(null, "notUtf8")] };
  }
}

/** Reads and checks the list on its own: its form, codes, names and predecessors, before comparing it with the data. */
export function readReferenceList(text: string): ReadResult {
  // Line by line: no name in the list spans lines, and a stray quote is then reported on
  // its own line instead of where the parser gives up, further down the file.
  const records: { record: string[]; info: { lines: number } }[] = [];
  const broken: ReferenceIssue[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .forEach((content, index) => {
      if (content.trim() === "") return;
      try {
        const [record] = parse(content, { trim: true, relax_column_count: true }) as string[][];
        records.push({ record: record ?? [], info: { lines: index + 1 } });
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        broken.push(issue(index + 1, "malformed"));
      }
    });
  if (broken.length > 0) return { ok: false, issues: broken };
  const [header, ...body] = records;
  if (!header) return { ok: false, issues: [issue(null, "empty")] };

  const headerLine = header.info.lines;
  const columns = header.record.map((c) => c.toLowerCase());
  const issues: ReferenceIssue[] = [];
  const known: readonly string[] = [...requiredColumns, predecessorsColumn];
  columns.forEach((c, i) => {
    if (!known.includes(c)) issues.push(issue(headerLine, "headerUnknown", { column: header.record[i] ?? "", expected: known.join(",") }));
    else if (columns.indexOf(c) !== i) issues.push(issue(headerLine, "headerTwice", { column: c }));
  });
  for (const c of requiredColumns) {
    if (!columns.includes(c)) issues.push(issue(headerLine, "headerMissing", { column: c, expected: requiredColumns.join(",") }));
  }
  if (issues.length > 0) return { ok: false, issues };
  if (body.length === 0) return { ok: false, issues: [issue(null, "empty")] };

  const at = (record: string[], column: string) => record[columns.indexOf(column)] ?? "";
  const rows: ReferenceRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      issues.push(issue(line, "columnCount", { expected: columns.length, found: record.length }));
      continue;
    }
    const code = at(record, "gemeente_code").toUpperCase();
    const name = at(record, "gemeente_naam");
    const regionCode = at(record, "jeugdregio_code").toUpperCase();
    const regionName = at(record, "jeugdregio_naam");
    const predecessorsText = columns.includes(predecessorsColumn) ? at(record, predecessorsColumn) : "";
    const predecessors = predecessorsText
      .split(";")
      .map((p) => p.trim().toUpperCase())
      .filter((p) => p !== "");
    const before = issues.length;
    if (!gemeenteCodePattern.test(code)) issues.push(issue(line, "gemeenteCode", { value: code }));
    if (!name) issues.push(issue(line, "gemeenteName", { code }));
    if (!regionCode) issues.push(issue(line, "regionMissing", { code }));
    else if (!regionName) issues.push(issue(line, "regionName", { code, region: regionCode }));
    for (const p of predecessors) if (!gemeenteCodePattern.test(p)) issues.push(issue(line, "predecessorCode", { code, value: p }));
    if (issues.length === before) rows.push({ line, code, name, regionCode, regionName, predecessors });
  }

  // Codes that come twice: a gemeente, a jeugdregio with two names, a predecessor.
  const gemeenteLine = new Map<string, number>();
  const regionFirst = new Map<string, { name: string; line: number }>();
  const predecessorLine = new Map<string, number>();
  for (const row of rows) {
    const first = gemeenteLine.get(row.code);
    if (first !== undefined) issues.push(issue(row.line, "duplicateGemeente", { code: row.code, firstLine: first }));
    else gemeenteLine.set(row.code, row.line);
    const region = regionFirst.get(row.regionCode);
    if (!region) regionFirst.set(row.regionCode, { name: row.regionName, line: row.line });
    else if (region.name !== row.regionName) {
      issues.push(issue(row.line, "regionNameConflict", { region: row.regionCode, name: row.regionName, otherName: region.name, firstLine: region.line }));
    }
  }
  for (const row of rows) {
    for (const p of row.predecessors) {
      const listed = gemeenteLine.get(p);
      const firstAsPredecessor = predecessorLine.get(p);
      if (p === row.code) issues.push(issue(row.line, "predecessorSelf", { code: p }));
      else if (firstAsPredecessor !== undefined) issues.push(issue(row.line, "predecessorTwice", { code: p, firstLine: firstAsPredecessor }));
      else if (listed !== undefined) issues.push(issue(row.line, "predecessorListed", { code: p, listedLine: listed }));
      if (firstAsPredecessor === undefined) predecessorLine.set(p, row.line);
    }
  }
  return issues.length > 0 ? { ok: false, issues: sortIssues(issues) } : { ok: true, rows };
}

function sortIssues(issues: ReferenceIssue[]): ReferenceIssue[] {
  return [...issues].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}

/**
 * Compares a checked list with the current data: what it adds, renames, merges and
 * moves. A list that matches the data gives an empty diff, so applying the same list
 * twice changes nothing the second time (a merger done before is recognised by the
 * old gemeente's successor). Region codes are CBS's (JZ01–JZ43); a code the data
 * already has is accepted as it is.
 */
export function diffReference(rows: readonly ReferenceRow[], current: CurrentReference): DiffResult {
  const issues: ReferenceIssue[] = [];
  const gemeenten = new Map(current.gemeenten.map((g) => [g.code, g]));
  const regions = new Map(current.regions.map((r) => [r.code, r]));
  const listed = new Set(rows.map((r) => r.code));

  const diff: ReferenceDiff = { added: [], renamed: [], merged: [], moved: [], regionsAdded: [], regionsRenamed: [], unchanged: 0 };
  const mergedAway = new Set<string>();
  const seenRegions = new Set<string>();

  for (const row of rows) {
    if (!regionCodePattern.test(row.regionCode) && !regions.has(row.regionCode)) {
      issues.push(issue(row.line, "regionCode", { code: row.code, value: row.regionCode }));
      continue;
    }
    if (!seenRegions.has(row.regionCode)) {
      seenRegions.add(row.regionCode);
      const region = regions.get(row.regionCode);
      if (!region) diff.regionsAdded.push({ code: row.regionCode, name: row.regionName });
      else if (region.name !== row.regionName) diff.regionsRenamed.push({ code: row.regionCode, oldName: region.name, newName: row.regionName });
    }

    const existing = gemeenten.get(row.code);
    if (existing?.endedOn) {
      issues.push(issue(row.line, "endedReturns", { code: row.code, name: existing.name, endedOn: existing.endedOn }));
      continue;
    }
    const predecessors: { code: string; name: string }[] = [];
    for (const p of row.predecessors) {
      const old = gemeenten.get(p);
      if (!old) issues.push(issue(row.line, "predecessorUnknown", { code: p }));
      else if (old.endedOn && old.successorCode !== row.code) {
        issues.push(issue(row.line, "predecessorElsewhere", { code: p, name: old.name, successor: old.successorCode ?? "" }));
      } else if (!old.endedOn) {
        predecessors.push({ code: p, name: old.name });
        mergedAway.add(p);
      }
      // Ended before with this row as its successor: the merger was applied already.
    }

    let changed = predecessors.length > 0;
    if (!existing) {
      diff.added.push({ code: row.code, name: row.name, regionCode: row.regionCode });
      changed = true;
    } else {
      if (existing.name !== row.name) {
        diff.renamed.push({ code: row.code, oldName: existing.name, newName: row.name });
        changed = true;
      }
      if (existing.regionCode !== row.regionCode) {
        diff.moved.push({ code: row.code, name: row.name, oldRegionCode: existing.regionCode, newRegionCode: row.regionCode });
        changed = true;
      }
    }
    if (predecessors.length > 0) diff.merged.push({ code: row.code, name: row.name, isNew: !existing, predecessors });
    if (!changed) diff.unchanged += 1;
  }

  // A gemeente that would vanish leaves its cases, staff and settings without a gemeente.
  for (const g of current.gemeenten) {
    if (!g.endedOn && !listed.has(g.code) && !mergedAway.has(g.code)) issues.push(issue(null, "disappears", { code: g.code, name: g.name }));
  }
  return issues.length > 0 ? { ok: false, issues: sortIssues(issues) } : { ok: true, diff };
}

export function isEmptyDiff(diff: ReferenceDiff): boolean {
  return (
    diff.added.length + diff.renamed.length + diff.merged.length + diff.moved.length + diff.regionsAdded.length + diff.regionsRenamed.length ===
    0
  );
}

/** The whole check of an upload: decoding, the list itself, and the list against the data. */
export function checkReferenceFile(bytes: Uint8Array, current: CurrentReference): DiffResult {
  const decoded = decodeReferenceFile(bytes);
  if (!decoded.ok) return decoded;
  const read = readReferenceList(decoded.text);
  if (!read.ok) return read;
  return diffReference(read.rows, current);
}

/** The day before a date (YYYY-MM-DD): the last day a merged gemeente existed. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A real calendar date as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
