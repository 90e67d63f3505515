import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { asSystem } from "@/lib/db/acting";
import { quarterDays, quarterOf, type QuarterKey } from "@/lib/domain/lead-times";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { NotFoundError } from "@/lib/server/errors";
import { statisticsJob } from "@/lib/server/jobs/handlers";
import { scopeKeys } from "@/lib/server/statistics/publish-figures";
import { listQuarterlyReports, readQuarterlyReport } from "@/lib/server/statistics/read-quarterly-reports";
import { caseInput, closingInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "@/tests/support/factories";
import { prisma as owner } from "@/tests/support/owner-db";

const standardFontDataUrl = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`;

/** The PDF's text as a reader gets it; each page is also drawn, so a page that cannot be rendered fails. */
async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, stopAtErrors: true }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    expect((await page.getOperatorList()).fnArray.length).toBeGreaterThan(0);
    for (const item of (await page.getTextContent()).items) if ("str" in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(" ").replace(/\s+/g, " ");
}

const CHILD = "Fenna Kwartaalkind";
const BSN = "111222333";
let parent: Actor, denHaagStaff: Actor, delftStaff: Actor, delftAdmin: Actor, expert: Actor;
let denHaagId: string, delftId: string, haaglandenId: string;
/** The quarter the cases are filed in; the job runs on the first day of the next, when this one has ended. */
const quarter: QuarterKey = quarterOf(new Date());
const nextQuarter = new Date(`${quarterDays(quarter).next}T09:00:00Z`);
const quarterName = `${quarter.slice(-1)}e kwartaal ${quarter.slice(0, 4)}`;

async function closedCase(gemeente: string, staff: Actor) {
  const filed = await fileCase(parent, caseInput({ ownGemeenteCode: gemeente, childName: CHILD, childBsn: BSN }));
  await claimCase(staff, { caseId: filed.id });
  await startLocal(staff, { caseId: filed.id, note: "We bellen de aanbieder." });
  await closeCase(staff, closingInput(filed.id, { causes: ["WAITING_LIST"], outcome: "LOCAL_AGREEMENT" }));
}

const stored = (scopeKey: string) => owner.quarterlyReport.findUniqueOrThrow({ where: { scopeKey_quarter: { scopeKey, quarter } } });

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  denHaagStaff = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  denHaagId = (await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } })).id;
  delftId = (await owner.gemeente.findUniqueOrThrow({ where: { cbsCode: DELFT } })).id;
  haaglandenId = (await owner.region.findUniqueOrThrow({ where: { code: HAAGLANDEN } })).id;
  // This file's world: two gemeenten work with the portal, and only their region has cases.
  await owner.gemeente.updateMany({ where: { cbsCode: { notIn: [DEN_HAAG, DELFT] } }, data: { activatedAt: null } });
  for (let i = 0; i < 6; i += 1) await closedCase(DEN_HAAG, denHaagStaff);
  for (let i = 0; i < 2; i += 1) await closedCase(DELFT, delftStaff);
}, 180_000);

describe("the quarterly reports", () => {
  it("are made by the statistics job once the quarter has ended: one per active gemeente and per region with figures", async () => {
    const run = await statisticsJob(nextQuarter);
    expect(run.reports).toMatchObject({ quarter, made: 3, failed: 0, left: 0 });
    const made = await owner.quarterlyReport.findMany({ where: { quarter }, select: { scopeKey: true, threshold: true } });
    expect(made.map((r) => r.scopeKey).sort()).toEqual([scopeKeys.gemeente(delftId), scopeKeys.gemeente(denHaagId), scopeKeys.region(haaglandenId)].sort());
    expect(made.every((r) => r.threshold === 5)).toBe(true);
  });

  it("are made once and kept as they were, also when the figures change later", async () => {
    const before = await stored(scopeKeys.gemeente(denHaagId));
    await closedCase(DEN_HAAG, denHaagStaff);
    const again = await statisticsJob(nextQuarter);
    expect(again.reports).toMatchObject({ quarter, made: 0, left: 0 });
    const after = await stored(scopeKeys.gemeente(denHaagId));
    expect(after.madeAt).toEqual(before.madeAt);
    expect(Buffer.from(after.pdf).equals(Buffer.from(before.pdf))).toBe(true);
    expect(after.csv).toBe(before.csv);
    // Even the jobs' own scope cannot rewrite or remove a report.
    await expect(asSystem((tx) => tx.quarterlyReport.updateMany({ data: { csv: "" } }))).rejects.toThrow(/permission denied/);
    await expect(asSystem((tx) => tx.quarterlyReport.deleteMany({}))).rejects.toThrow(/permission denied/);
  });

  it("give a PDF that parses and names the scope, the quarter and the threshold", async () => {
    const file = await readQuarterlyReport(denHaagStaff, { level: "gemeente", gemeenteId: denHaagId }, quarter, "pdf");
    expect(file).toMatchObject({ contentType: "application/pdf", fileName: `doorbraak-kwartaalrapportage-den-haag-${quarter.toLowerCase()}.pdf` });
    const text = await pdfText(file!.content);
    expect(text).toContain("Kwartaalrapportage Den Haag");
    expect(text).toContain(quarterName);
    expect(text).toContain("Aantallen onder de 5 tonen we niet precies.");
    // Eight cases of Haaglanden closed with the same cause and kinds of organisation: the statistics
    // job found them as the region's signals, and the report lists them with what was done.
    expect(text).not.toContain("Er waren geen signalen");
    expect(text).toContain("Wachtlijst of geen plek");
    expect(text).toContain("Samenwerkingsverband");
    expect(text).toContain("CC BY 4.0");
  });

  it("give the region's CSV with Delft's two cases as a mark, never as 2", async () => {
    const file = await readQuarterlyReport(expert, { level: "region", regionId: haaglandenId }, quarter, "csv");
    const records = parse(new TextDecoder().decode(file!.content), { columns: true, comment: "#", bom: true }) as Record<string, string>[];
    const delft = records.find((r) => r.Tabel === "Ingediende meldingen per gemeente" && r.Rij === "Delft" && r.Kolom === `K${quarter.slice(-1)} ${quarter.slice(0, 4)}`);
    expect(delft).toMatchObject({ Waarde: "<5", Eenheid: "aantal", Betekenis: "minder dan 5" });
    for (const r of records) if (r.Eenheid === "aantal" && /^\d+$/.test(r.Waarde!)) expect(Number(r.Waarde) === 0 || Number(r.Waarde) >= 5).toBe(true);
  });

  it("hold no personal data: no child's name, BSN or e-mail address, and no link to a case", async () => {
    const columns = await owner.$queryRaw<{ name: string }[]>`
      SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'QuarterlyReport' ORDER BY column_name`;
    expect(columns.map((c) => c.name).sort()).toEqual(["csv", "csvSize", "figuresAt", "madeAt", "pdf", "pdfSize", "quarter", "scopeKey", "threshold"].sort());
    for (const report of await owner.quarterlyReport.findMany()) {
      const text = `${await pdfText(new Uint8Array(report.pdf))} ${report.csv}`;
      for (const personal of [CHILD, "Kwartaalkind", BSN, parent.email, denHaagStaff.email]) expect(text).not.toContain(personal);
    }
  });

  it("are listed newest first for the scope's own staff, and another gemeente's answer not found", async () => {
    expect((await listQuarterlyReports(denHaagStaff, { level: "gemeente", gemeenteId: denHaagId })).map((r) => r.quarter)).toEqual([quarter]);
    expect(await listQuarterlyReports(delftAdmin, { level: "gemeente", gemeenteId: delftId })).toHaveLength(1);
    await expect(readQuarterlyReport(delftAdmin, { level: "gemeente", gemeenteId: denHaagId }, quarter, "pdf")).rejects.toThrow(NotFoundError);
    await expect(readQuarterlyReport(delftAdmin, { level: "region", regionId: haaglandenId }, quarter, "csv")).rejects.toThrow(NotFoundError);
    await expect(listQuarterlyReports(delftAdmin, { level: "gemeente", gemeenteId: denHaagId })).rejects.toThrow(NotFoundError);
    await expect(readQuarterlyReport(parent, { level: "gemeente", gemeenteId: delftId }, quarter, "pdf")).rejects.toThrow(NotFoundError);
    expect(await readQuarterlyReport(delftAdmin, { level: "gemeente", gemeenteId: delftId }, "2001-K1", "pdf")).toBeNull();
  });
});
