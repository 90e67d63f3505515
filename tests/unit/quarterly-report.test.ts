import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { caseStatuses } from "@/lib/domain/case-machine";
import { caseOutcomeKeys, causeKeys, organisationKindKeys } from "@/lib/domain/causes";
import { buildFigureSet, leadTimeMeasures, type FigureSet, type RawFigureSet, type RawStatistic } from "@/lib/domain/figure-set";
import type { QuarterKey } from "@/lib/domain/lead-times";
import {
  buildQuarterlyReport,
  lastCompletedQuarter,
  reportCsvRows,
  signalCount,
  type QuarterlyReport,
  type ReportBlock,
  type ReportSignal,
  type Translate,
} from "@/lib/domain/quarterly-report";

function translator(locale: "nl" | "en"): Translate {
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const read = (part: string) => JSON.parse(readFileSync(path.join(dir, `${part}.json`), "utf8")) as Record<string, unknown>;
  const messages = { ...read("figures"), ...read("charts"), ...read("reports"), status: (read("common") as { status: object }).status } as AbstractIntlMessages;
  return createTranslator({ locale, messages, timeZone: "Europe/Amsterdam" }) as unknown as Translate;
}

const quarters: QuarterKey[] = ["2026-K1", "2026-K2", "2026-K3", "2026-K4"];
const statistic = (value: number, cases: number): RawStatistic => ({ value, cases });
const levels = (s: RawStatistic) => ({ scope: s, region: statistic(s.value ?? 0, 40), country: statistic(s.value ?? 0, 900) });

/** A region of three gemeenten; Delft files two cases in the third quarter, which must never show as 2. */
function regionSet(): FigureSet {
  const filed = [
    ...quarters.slice(0, 3).map((quarter) => ({ key: "g-den-haag", quarter, count: 20 })),
    { key: "g-delft", quarter: "2026-K3", count: 2 },
    ...quarters.slice(0, 3).map((quarter) => ({ key: "g-zoetermeer", quarter, count: 9 })),
    // Cases of the fourth quarter so far: the third quarter's report must not count them.
    { key: "g-den-haag", quarter: "2026-K4", count: 7 },
  ];
  const raw: RawFigureSet = {
    filed,
    closed: filed.map((f) => ({ ...f, count: Math.max(0, f.count - 1) })),
    thuiszitters: [{ key: "THUISZITTER", quarter: "2026-K3", count: 11 }],
    openByStep: [{ key: "TRIAGE", count: 8 }],
    outcomes: [{ key: "LOCAL_AGREEMENT", count: 30 }, { key: "DECISION", count: 3 }],
    causes: [
      { key: "WAITING_LIST", quarter: "2026-K3", count: 14 },
      { key: "NO_MANDATE", quarter: "2026-K3", count: 3 },
      { key: "FUNDING", quarter: "2026-K2", count: 8 },
    ],
    organisationKinds: [{ key: "SCHOOL", quarter: "2026-K3", count: 12 }],
    transferred: 2,
    leadTimes: Object.fromEntries(leadTimeMeasures.map((m) => [m, { ...levels(statistic(12, 25)), scope: { median: statistic(12, 25), p90: statistic(30, 25) }, region: { median: statistic(14, 40), p90: statistic(33, 40) }, country: { median: statistic(15, 900), p90: statistic(40, 900) } }])) as RawFigureSet["leadTimes"],
    withinNorms: levels(statistic(0.61, 25)),
    decisionsOnTime: { scope: statistic(0.5, 3), region: statistic(0.7, 40), country: statistic(0.75, 900) },
    daysOutOfSchool: { atFiling: levels(statistic(20, 11)), atHelpStart: levels(statistic(35, 11)) },
  };
  return buildFigureSet({
    level: "region",
    unitId: "r-haaglanden",
    year: 2026,
    quarters,
    threshold: 5,
    computedAt: new Date("2026-10-01T00:05:00Z"),
    units: [
      { id: "g-delft", name: "Delft" },
      { id: "g-den-haag", name: "Den Haag" },
      { id: "g-zoetermeer", name: "Zoetermeer" },
    ],
    causeKeys,
    organisationKindKeys,
    outcomeKeys: [...caseOutcomeKeys, "UNKNOWN"],
    stepKeys: caseStatuses.filter((s) => s !== "CLOSED"),
    raw,
  });
}

const set = regionSet();
const madeAt = new Date("2026-10-01T00:06:00Z");
const build = (signals: ReportSignal[] = [], locale: "nl" | "en" = "nl", quarter: QuarterKey = "2026-K3"): QuarterlyReport =>
  buildQuarterlyReport({ set, quarter, scopeName: "Haaglanden", regionName: null, signals, madeAt, locale, t: translator(locale) });

const tables = (report: QuarterlyReport) =>
  report.blocks.flatMap((b) => (b.kind === "chart" || b.kind === "table" ? [b.table] : []));
const texts = (report: QuarterlyReport) =>
  report.blocks.flatMap((b: ReportBlock) => (b.kind === "paragraph" || b.kind === "heading" ? [b.text] : b.kind === "title" ? [b.text, b.subtitle] : []));
const tableNamed = (report: QuarterlyReport, caption: string) => tables(report).find((t) => t.caption === caption)!;

describe("the quarterly report's content", () => {
  it("starts with the scope, the quarter, the day it was made, the threshold and the source", () => {
    const report = build();
    expect(report.blocks[0]).toEqual({ kind: "title", text: "Kwartaalrapportage Haaglanden", subtitle: "3e kwartaal 2026" });
    const facts = report.blocks.find((b) => b.kind === "facts");
    expect(facts).toMatchObject({
      rows: expect.arrayContaining([
        { label: "Jeugdregio", value: "Haaglanden" },
        { label: "Kwartaal", value: "3e kwartaal 2026" },
        { label: "Gemaakt op", value: "1 oktober 2026" },
        { label: "Kleine aantallen", value: "Aantallen onder de 5 tonen we niet precies." },
        { label: "Bron", value: "Doorbraak, licentie CC BY 4.0" },
      ]),
    });
    expect(texts(report).some((t) => t.includes("CC BY 4.0"))).toBe(true);
    expect(report.title).toBe("Kwartaalrapportage Haaglanden, 3e kwartaal 2026");
  });

  it("shows the quarters up to and including its own, without the year's total that counts later ones", () => {
    const report = build();
    const perGemeente = tableNamed(report, "Ingediende meldingen per gemeente");
    expect(perGemeente.columns).toEqual(["Gemeente", "K1 2026", "K2 2026", "K3 2026"]);
    const haaglanden = perGemeente.rows.find((r) => r.label === "Haaglanden")!;
    expect(haaglanden.cells.map((c) => c.text)).toEqual(["29", "29", "31"]);
    const fourth = build([], "nl", "2026-K4");
    expect(tableNamed(fourth, "Ingediende meldingen per gemeente").columns).toEqual(["Gemeente", "K1 2026", "K2 2026", "K3 2026", "K4 2026", "Heel 2026"]);
  });

  it("carries over the suppression marks of the published set, in words in tables and as symbols in charts", () => {
    const report = build();
    const delft = tableNamed(report, "Ingediende meldingen per gemeente").rows.find((r) => r.label === "Delft")!;
    expect(delft.cells[2]).toMatchObject({ figure: { kind: "small", threshold: 5 }, text: "minder dan 5", short: "<5" });
    // Delft's row has zeros in the first quarters, which are shown; its small count is never written as a number.
    expect(delft.cells.map((c) => c.text)).toEqual(["0", "0", "minder dan 5"]);
    const shares = report.blocks.find((b) => b.kind === "chart" && b.chart.title === "Binnen de termijnen en besluiten op tijd uitgevoerd");
    expect(shares?.kind === "chart" && shares.chart.groups[1]!.values[0]).toMatchObject({ text: "te weinig meldingen", short: "*" });
    expect(shares?.kind === "chart" && shares.chart.legend).toEqual([expect.stringContaining("* betekent: minder dan 5 meldingen")]);
    // Whatever the set hides stays hidden: every figure of the report is one of the set's own.
    const all = tables(report).flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.figure)));
    for (const figure of all) if (figure?.kind === "count") expect(figure.value === 0 || figure.value >= 5).toBe(true);
    expect(all.some((f) => f?.kind === "hidden")).toBe(true);
  });

  it("follows every chart with its data as a table", () => {
    const report = build();
    for (const block of report.blocks) {
      if (block.kind !== "chart") continue;
      expect(block.table.caption).toBe(block.chart.title);
      expect(block.table.rows.map((r) => r.label)).toEqual(block.chart.groups.map((g) => g.label));
      expect(block.table.columns.slice(1)).toEqual(block.chart.series);
    }
    expect(report.blocks.filter((b) => b.kind === "chart").length).toBeGreaterThanOrEqual(8);
  });

  it("says plainly that there were no signals", () => {
    const report = build();
    const at = report.blocks.findIndex((b) => b.kind === "heading" && b.text === "Signalen");
    expect(at).toBeGreaterThan(0);
    expect(report.blocks.slice(at)).toContainEqual({ kind: "paragraph", text: "Er waren geen signalen in het 3e kwartaal 2026." });
    expect(tables(report).some((t) => t.caption === "Signalen en wat ermee is gedaan")).toBe(false);
  });

  it("lists each signal with its count, its status in words and what was done", () => {
    const signals: ReportSignal[] = [
      { dimension: "cause", key: "WAITING_LIST", quarter: "2026-K3", cases: 14, status: "RAISED_REGIONAL", note: "Afspraken met twee aanbieders over voorrang.", actedOn: "2026-09-18" },
      { dimension: "organisationKind", key: "SCHOOL", quarter: "2026-K3", cases: 3, status: "NEW", note: null, actedOn: null },
      { dimension: "cause", key: "FUNDING", quarter: "2026-K3", cases: 6, status: "PASSED_NATIONAL", note: "Voorgelegd aan VWS.", actedOn: "2026-09-30" },
    ];
    const table = tableNamed(build(signals), "Signalen en wat ermee is gedaan");
    expect(table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual([
      ["Wachtlijst of geen plek", "Oorzaak", "K3 2026", "14", "Besproken aan de regionale tafel", "Afspraken met twee aanbieders over voorrang.", "18 september 2026"],
      ["School", "Soort organisatie", "K3 2026", "minder dan 5", "Nieuw, nog niet besproken", "Nog niets vastgelegd", "—"],
      ["Onenigheid over wie betaalt", "Oorzaak", "K3 2026", "6", "Doorgegeven aan de landelijke tafel", "Voorgelegd aan VWS.", "30 september 2026"],
    ]);
    expect(signalCount(4, 5)).toEqual({ kind: "small", threshold: 5 });
    expect(signalCount(0, 5)).toEqual({ kind: "count", value: 0 });
  });

  it("is written in English from the same messages", () => {
    const report = build([], "en");
    expect(report.blocks[0]).toEqual({ kind: "title", text: "Quarterly report Haaglanden", subtitle: "3rd quarter 2026" });
    expect(texts(report)).toContain("There were no signals in the 3rd quarter 2026.");
    expect(report.pageLabel(2, 6)).toBe("page 2 of 6");
  });

  it("puts every table in one long CSV: table, row, column, value, unit and the meaning of a mark", () => {
    const report = build();
    const { columns, rows } = reportCsvRows(report, translator("nl"));
    expect(columns).toEqual(["Tabel", "Rij", "Kolom", "Waarde", "Eenheid", "Betekenis"]);
    expect(rows).toContainEqual(["Ingediende meldingen per gemeente", "Delft", "K3 2026", { kind: "small", threshold: 5 }, "aantal", "minder dan 5"]);
    expect(rows).toContainEqual(["Ingediende meldingen per gemeente", "Den Haag", "K1 2026", { kind: "count", value: 20 }, "aantal", ""]);
    // Shares become percentages, as in the page's CSV files.
    expect(rows).toContainEqual(["Binnen de termijnen en besluiten op tijd uitgevoerd", "Elke stap binnen de termijn", "Haaglanden", { kind: "value", value: 61, cases: 25 }, "procent", ""]);
  });
});

describe("the last completed quarter", () => {
  it("is the one before today's, in Amsterdam", () => {
    expect(lastCompletedQuarter(new Date("2026-10-01T00:30:00+02:00"))).toBe("2026-K3");
    expect(lastCompletedQuarter(new Date("2026-12-31T22:59:00Z"))).toBe("2026-K3");
    expect(lastCompletedQuarter(new Date("2026-12-31T23:30:00Z"))).toBe("2026-K4");
    expect(lastCompletedQuarter(new Date("2027-02-10T12:00:00Z"))).toBe("2026-K4");
  });
});
