/**
 * `npm run reference:update -- path/to/list.csv --valid-from 2027-01-01 [--apply]`: checks
 * the yearly CBS list of gemeenten and jeugdregio's against the embedded demo database or
 * DATABASE_URL and prints what would change (decision 019). Only with --apply is it applied,
 * all or nothing, audited as a change by the system. Exits 0 when the list was fine, 1 when
 * it was refused (with a message per line), 2 on wrong arguments or an error.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { ReferenceDiff, ReferenceIssue } from "@/lib/domain/reference-update";
import { runCommand } from "./run-command";
import { DomainError } from "@/lib/server/errors";
import { applyReferenceUpdateUnsafe } from "@/lib/server/reference/apply-reference-update";
import { previewReferenceUpdateUnsafe } from "@/lib/server/reference/preview-reference-update";
import { checkValidFrom, sha256Of } from "@/lib/server/reference/reference-data";
import nl from "@/lib/i18n/messages/nl/reference.json";

// The messages of the admin page, so that the operator reads the same words.
const translate = createTranslator({ locale: "nl", messages: nl as unknown as AbstractIntlMessages }) as unknown as (
  key: string,
  values?: Record<string, string | number>,
) => string;

function describeIssue(i: ReferenceIssue): string {
  const where = i.line === null ? translate("reference.wholeFile") : `${translate("reference.colLine")} ${i.line}`;
  return `${where}: ${translate(`reference.issues.${i.code}`, i.values)}`;
}

function printDiff(diff: ReferenceDiff, moves: Record<string, { openCases: number; staff: number }>): void {
  for (const m of diff.merged) {
    const from = m.predecessors.map((p) => `${p.code} ${p.name}`).join(" + ");
    const counts = moves[m.code];
    console.log(`MERGED   ${from} -> ${m.code} ${m.name}${m.isNew ? " (new)" : ""}: ${counts?.openCases ?? 0} open case(s), ${counts?.staff ?? 0} staff membership(s) move`);
  }
  for (const g of diff.added) console.log(`ADDED    ${g.code} ${g.name} in ${g.regionCode}`);
  for (const g of diff.renamed) console.log(`RENAMED  ${g.code} ${g.oldName} -> ${g.newName}`);
  for (const g of diff.moved) console.log(`MOVED    ${g.code} ${g.name}: ${g.oldRegionCode ?? "no region"} -> ${g.newRegionCode}`);
  for (const r of diff.regionsAdded) console.log(`REGION   ${r.code} ${r.name} (new)`);
  for (const r of diff.regionsRenamed) console.log(`REGION   ${r.code} ${r.oldName} -> ${r.newName}`);
  console.log(`${diff.unchanged} gemeente(n) unchanged.`);
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { "valid-from": { type: "string" }, apply: { type: "boolean", default: false } },
  });
  const [file] = positionals;
  const validFrom = values["valid-from"];
  if (!file || !validFrom || positionals.length > 1) {
    console.error("Usage: npm run reference:update -- <list.csv> --valid-from YYYY-MM-DD [--apply]");
    return 2;
  }
  try {
    checkValidFrom(validFrom);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`--valid-from ${validFrom} is not a date (YYYY-MM-DD).`);
    return 2;
  }
  const bytes = new Uint8Array(readFileSync(file));
  const upload = { fileName: path.basename(file), bytes, validFrom };
  console.log(`${upload.fileName} (sha256 ${sha256Of(bytes)}), valid from ${validFrom}`);

  if (!values.apply) {
    const outcome = await previewReferenceUpdateUnsafe(upload);
    if (outcome.status === "refused") {
      for (const i of outcome.issues) console.error(describeIssue(i));
      console.error(`REFUSED  ${outcome.issues.length} problem(s); nothing was changed.`);
      return 1;
    }
    printDiff(outcome.preview.diff, outcome.preview.moves);
    console.log("Dry run: nothing was changed. Run again with --apply to apply this list.");
    return 0;
  }

  const outcome = await applyReferenceUpdateUnsafe(upload);
  if (outcome.status === "refused") {
    for (const i of outcome.issues) console.error(describeIssue(i));
    console.error(`REFUSED  ${outcome.issues.length} problem(s); nothing was changed.`);
    return 1;
  }
  if (outcome.status === "unchanged") {
    console.log("The data already matches this list: nothing was changed.");
    return 0;
  }
  printDiff(outcome.summary.diff, outcome.summary.moves);
  console.log(`APPLIED  reference update ${outcome.id}.`);
  return 0;
}

runCommand(main);
