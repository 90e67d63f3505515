import { caseOutcomes, causes, labelOf, organisationKinds } from "./causes";
import { isSmallCount } from "./disclosure";
import { comparedLevels } from "./figure-tables";
import { figureMark, figureValue, markSymbol, marksIn, type FigureMark, type ShownFigure } from "./figure-marks";
import { leadTimeMeasures, type Comparison, type ComparisonLevel, type CountTable, type FigureSet } from "./figure-set";
import type { ShownCount } from "./figures";
import { quarterOf, type QuarterKey } from "./lead-times";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The quarterly report of a gemeente or a jeugdregio (decision 031): what its
 * published figure set shows for the year up to and including the quarter,
 * with the region's structural signals, as an ordered list of blocks that the
 * PDF and the CSV lay out. It only rearranges figures that disclosure control
 * already passed; the one count it receives raw, a signal's number of cases,
 * gets the same primary suppression as every other count.
 */

/** A structural signal of the region: a cause or kind of organisation that keeps coming back. */
export type ReportSignal = {
  dimension: "cause" | "organisationKind";
  key: string;
  /** "2026-K3" */
  quarter: string;
  cases: number;
  status: "NEW" | "RAISED_REGIONAL" | "PASSED_NATIONAL";
  note: string | null;
  /** "YYYY-MM-DD" */
  actedOn: string | null;
};

/** Reads a message of the catalogs (figures, charts, reports, status) in the report's language. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ValueFormat = "count" | "workingDays" | "percent" | "text";

/** One cell: its words for a table, its short form for a chart, and the figure itself when it is one. */
export type ReportValue = { figure: ShownFigure | null; text: string; short: string };

export type ReportTable = {
  caption: string;
  /** The first column holds the row headers */
  columns: string[];
  /** How the figures of the table are written (the unit column of the CSV) */
  format: ValueFormat;
  rows: { label: string; cells: ReportValue[] }[];
};

/** Bars per group, one per series: quarters × (filed, closed), measures × (scope, region, country), categories × one. */
export type ReportChart = {
  title: string;
  /** One or two sentences for a reader who cannot see the drawing */
  summary: string;
  format: Exclude<ValueFormat, "text">;
  series: string[];
  groups: { label: string; values: ReportValue[] }[];
  /** What each mark that occurs in the chart means */
  legend: string[];
};

export type ReportBlock =
  | { kind: "title"; text: string; subtitle: string }
  | { kind: "facts"; rows: { label: string; value: string }[] }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A chart, always followed by its data as a table */
  | { kind: "chart"; chart: ReportChart; table: ReportTable }
  | { kind: "table"; table: ReportTable };

export type QuarterlyReport = {
  locale: Locale;
  /** "Kwartaalrapportage Den Haag, 3e kwartaal 2026": the document's title */
  title: string;
  /** The line at the foot of every page, before its page number */
  footer: string;
  /** "pagina 2 van 6" */
  pageLabel: (page: number, pages: number) => string;
  blocks: ReportBlock[];
};

export type QuarterlyReportInput = {
  /** The published set of the quarter's year, as it stood when the report was made */
  set: FigureSet;
  quarter: QuarterKey;
  scopeName: string;
  /** The gemeente's jeugdregio, for the comparisons; null for a region */
  regionName: string | null;
  signals: ReportSignal[];
  madeAt: Date;
  locale: Locale;
  t: Translate;
};

/** The quarter before the one `now` is in: the last one that has ended. */
export function lastCompletedQuarter(now: Date): QuarterKey {
  const [year, q] = quarterOf(now).split("-K").map(Number) as [number, number];
  return (q === 1 ? `${year - 1}-K4` : `${year}-K${q - 1}`) as QuarterKey;
}

function quarterParts(key: QuarterKey): { year: number; quarter: number } {
  const [year, quarter] = key.split("-K").map(Number) as [number, number];
  return { year, quarter };
}

/** "3e kwartaal 2026" / "3rd quarter 2026" and the short form of a chart "K3 2026" / "Q3 2026". */
export function quarterWords(key: QuarterKey, t: Translate, form: "long" | "short" = "long"): string {
  const { year, quarter } = quarterParts(key);
  return t(form === "long" ? "reports.quarterLong" : "reports.quarterShort", { quarter, year: String(year) });
}

const dateFormats = {
  day: { dateStyle: "long", timeZone: "Europe/Amsterdam" },
  moment: { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" },
} as const;

function writeDate(date: Date, locale: Locale, form: keyof typeof dateFormats): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", dateFormats[form]).format(date);
}

/** A day "YYYY-MM-DD" as people write it, without moving it through a time zone. */
function writeDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Writes figures as the pages do: the value, or in a table the words of its mark, in a chart its symbol. */
function valueWriter(locale: Locale, t: Translate) {
  const numbers = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { style: "percent", maximumFractionDigits: 0 });
  const plain = (value: number, format: ValueFormat) =>
    format === "percent" ? percents.format(value) : format === "workingDays" ? t("charts.workingDays", { days: Math.round(value * 10) / 10 }) : numbers.format(value);
  const words = (mark: FigureMark) => (mark.kind === "hidden" ? t("charts.cell.hidden") : t(`charts.cell.${mark.kind}`, { threshold: mark.threshold }));
  const value = (figure: ShownFigure, format: ValueFormat): ReportValue => {
    const mark = figureMark(figure);
    if (mark) return { figure, text: words(mark), short: markSymbol(mark) };
    const shown = plain(figureValue(figure)!, format);
    return { figure, text: shown, short: shown };
  };
  const text = (words: string): ReportValue => ({ figure: null, text: words, short: words });
  const legend = (figures: ShownFigure[]) =>
    marksIn(figures).map((mark) =>
      mark.kind === "hidden"
        ? t("charts.legend.hidden", { mark: markSymbol(mark) })
        : t(`charts.legend.${mark.kind}`, { mark: markSymbol(mark), threshold: mark.threshold }),
    );
  return { value, text, words, legend };
}

type Writer = ReturnType<typeof valueWriter>;

function chartBlock(
  w: Writer,
  t: Translate,
  spec: { title: string; groupHeader: string; format: ReportChart["format"]; series: string[]; groups: { label: string; values: ShownFigure[] }[] },
): ReportBlock {
  const figures = spec.groups.flatMap((g) => g.values);
  const groups = spec.groups.map((g) => ({ label: g.label, values: g.values.map((v) => w.value(v, spec.format)) }));
  const hidden = figures.filter((f) => figureMark(f) !== null).length;
  const summary = [
    ...groups.map((g) => t("charts.summary.group", { group: g.label, values: g.values.map((v, i) => (spec.series.length > 1 ? `${spec.series[i]} ${v.text}` : v.text)).join(", ") })),
    ...(hidden > 0 ? [t("charts.summary.suppressed", { count: hidden })] : []),
  ].join(" ");
  const chart: ReportChart = { title: spec.title, summary, format: spec.format, series: spec.series, groups, legend: w.legend(figures) };
  return {
    kind: "chart",
    chart,
    table: { caption: spec.title, columns: [spec.groupHeader, ...spec.series], format: spec.format, rows: groups.map((g) => ({ label: g.label, cells: g.values })) },
  };
}

const isZero = (figure: ShownFigure) => figure.kind === "count" && figure.value === 0;

/** Builds the report of one scope and quarter from its published set. */
export function buildQuarterlyReport(input: QuarterlyReportInput): QuarterlyReport {
  const { set, quarter, scopeName, locale, t } = input;
  const last = set.quarters.indexOf(quarter);
  if (last < 0) throw new RangeError(`the set of ${set.year} has no figures for ${quarter}`);
  if (set.level === "country") throw new RangeError("a quarterly report is made for a gemeente or a region");
  const w = valueWriter(locale, t);
  const quarters = set.quarters.slice(0, last + 1);
  // The set's year total counts the quarters after this one too; only the fourth quarter's report may show it.
  const withTotal = quarterParts(quarter).quarter === 4;
  const periods = quarters.map((q) => quarterWords(q, t, "short"));
  const quarterLong = quarterWords(quarter, t);
  const computedAt = new Date(set.computedAt);
  const computedDay = writeDate(computedAt, locale, "day");
  const levelName: Record<ComparisonLevel, string> = {
    scope: scopeName,
    region: input.regionName ?? t("figures.region"),
    country: t("figures.country"),
  };
  const levels = comparedLevels(set);
  const series = levels.map((l) => levelName[l]);
  const compare = (c: Comparison) => levels.map((l) => c[l]);
  const blocks: ReportBlock[] = [];
  const heading = (text: string) => blocks.push({ kind: "heading", text });
  const paragraph = (text: string) => blocks.push({ kind: "paragraph", text });

  const byQuarter = (table: CountTable, caption: string, rowHeader: string, label: (key: string) => string, extraRow?: string): ReportTable => {
    const rows = table.rows.map((row) => ({ label: label(row.key), figures: [...row.cells.slice(0, quarters.length), ...(withTotal ? [row.total] : [])] }));
    if (extraRow !== undefined) rows.push({ label: extraRow, figures: [...table.totals.cells.slice(0, quarters.length), ...(withTotal ? [table.totals.total] : [])] });
    return {
      caption,
      columns: [rowHeader, ...periods, ...(withTotal ? [t("reports.yearTotal", { year: String(set.year) })] : [])],
      format: "count",
      // A row of zeros in every quarter shown tells nothing and makes the report longer.
      rows: rows.filter((r) => extraRow !== undefined || !r.figures.every(isZero)).map((r) => ({ label: r.label, cells: r.figures.map((f) => w.value(f, "count")) })),
    };
  };

  // ── the front page ──
  const scopeKind = set.level === "gemeente" ? t("reports.gemeente") : t("reports.region");
  blocks.push({ kind: "title", text: t("reports.title", { scope: scopeName }), subtitle: quarterLong });
  blocks.push({
    kind: "facts",
    rows: [
      { label: scopeKind, value: scopeName },
      ...(set.level === "gemeente" && input.regionName ? [{ label: t("reports.region"), value: input.regionName }] : []),
      { label: t("reports.facts.quarter"), value: quarterLong },
      { label: t("reports.facts.madeAt"), value: writeDate(input.madeAt, locale, "day") },
      { label: t("reports.facts.computedAt"), value: writeDate(computedAt, locale, "moment") },
      { label: t("reports.facts.threshold"), value: t("figures.threshold", { threshold: set.threshold }) },
      { label: t("reports.facts.source"), value: t("reports.source") },
    ],
  });
  paragraph(t("reports.intro", { scope: scopeName, quarter: quarterLong, year: String(set.year) }));
  paragraph(t("figures.privacy"));

  // ── cases ──
  heading(t("figures.cases.title"));
  const filedNow = set.filed.totals.cells[last]!;
  const closedNow = set.closed.totals.cells[last]!;
  paragraph(t("reports.cases.summary", { quarter: quarterLong, filed: w.value(filedNow, "count").text, closed: w.value(closedNow, "count").text }));
  blocks.push(
    chartBlock(w, t, {
      title: t("figures.cases.chart", { scope: scopeName, year: String(set.year) }),
      groupHeader: t("figures.quarter"),
      format: "count",
      series: [t("figures.cases.filed"), t("figures.cases.closed")],
      groups: quarters.map((_, i) => ({ label: periods[i]!, values: [set.filed.totals.cells[i]!, set.closed.totals.cells[i]!] })),
    }),
  );
  if (set.level === "region" && set.filed.rows.length > 0) {
    const unit = t("figures.unit.gemeente");
    const name = (key: string) => set.unitNames[key] || t("figures.unit.none");
    blocks.push({ kind: "table", table: byQuarter(set.filed, t("figures.cases.filedBy", { unit: unit.toLowerCase() }), unit, name, scopeName) });
    blocks.push({ kind: "table", table: byQuarter(set.closed, t("figures.cases.closedBy", { unit: unit.toLowerCase() }), unit, name, scopeName) });
  }
  if (set.openByStep) {
    paragraph(t("reports.open", { date: computedDay }));
    blocks.push(
      chartBlock(w, t, {
        title: t("figures.open.title", { scope: scopeName }),
        groupHeader: t("figures.open.step"),
        format: "count",
        series: [t("figures.open.cases")],
        groups: set.openByStep.items.map((item) => ({ label: t(`status.${item.key}`), values: [item.count] })),
      }),
    );
  }

  // ── lead times ──
  heading(t("figures.lead.title"));
  paragraph(t("reports.lead", { year: String(set.year), date: computedDay }));
  for (const statistic of ["median", "p90"] as const) {
    blocks.push(
      chartBlock(w, t, {
        title: t(`figures.lead.${statistic}`),
        groupHeader: t("figures.lead.measure"),
        format: "workingDays",
        series,
        groups: leadTimeMeasures.map((m) => ({ label: t(`figures.lead.measures.${m}`), values: compare(set.leadTimes[m][statistic]) })),
      }),
    );
  }
  blocks.push(
    chartBlock(w, t, {
      title: t("figures.lead.shares"),
      groupHeader: t("figures.lead.share"),
      format: "percent",
      series,
      groups: [
        { label: t("figures.lead.withinNorms"), values: compare(set.withinNorms) },
        { label: t("figures.lead.decisionsOnTime"), values: compare(set.decisionsOnTime) },
      ],
    }),
  );

  // ── thuiszitters ──
  heading(t("figures.school.title"));
  paragraph(t("figures.school.intro"));
  blocks.push(
    chartBlock(w, t, {
      title: t("figures.school.chart", { scope: scopeName, year: String(set.year) }),
      groupHeader: t("figures.quarter"),
      format: "count",
      series: [t("figures.school.thuiszitters")],
      groups: quarters.map((_, i) => ({ label: periods[i]!, values: [set.thuiszitters.totals.cells[i]!] })),
    }),
  );
  blocks.push(
    chartBlock(w, t, {
      title: t("figures.school.days"),
      groupHeader: t("figures.school.moment"),
      format: "workingDays",
      series,
      groups: [
        { label: t("figures.school.atFiling"), values: compare(set.daysOutOfSchool.atFiling) },
        { label: t("figures.school.atHelpStart"), values: compare(set.daysOutOfSchool.atHelpStart) },
      ],
    }),
  );

  // ── causes, organisations and outcomes ──
  heading(t("figures.causes.title"));
  paragraph(t("figures.causes.intro"));
  const categories = (table: CountTable, list: typeof causes | typeof organisationKinds, title: string, header: string, byQuarterTitle: string) => {
    const items = table.rows
      .map((row) => ({ label: labelOf(list, row.key, locale), value: row.cells[last]! }))
      .filter((item) => !isZero(item.value))
      .sort((a, b) => (figureValue(b.value) ?? 0) - (figureValue(a.value) ?? 0));
    if (items.length === 0) paragraph(t("reports.noMentions", { what: title }));
    else blocks.push(chartBlock(w, t, { title, groupHeader: header, format: "count", series: [t("figures.causes.mentions")], groups: items.map((i) => ({ label: i.label, values: [i.value] })) }));
    if (quarters.length > 1) {
      const perQuarter = byQuarter(table, byQuarterTitle, header, (key) => labelOf(list, key, locale));
      if (perQuarter.rows.length > 0) blocks.push({ kind: "table", table: perQuarter });
    }
  };
  categories(
    set.causes,
    causes,
    t("reports.causes.chart", { scope: scopeName, quarter: quarterLong }),
    t("figures.causes.cause"),
    t("reports.causes.byQuarter", { scope: scopeName, year: String(set.year) }),
  );
  categories(
    set.organisationKinds,
    organisationKinds,
    t("reports.organisations.chart", { scope: scopeName, quarter: quarterLong }),
    t("figures.organisations.kind"),
    t("reports.organisations.byQuarter", { scope: scopeName, year: String(set.year) }),
  );
  paragraph(t("reports.outcomes", { year: String(set.year), date: computedDay }));
  blocks.push(
    chartBlock(w, t, {
      title: t("figures.outcomes.chart", { scope: scopeName, year: String(set.year) }),
      groupHeader: t("figures.outcomes.outcome"),
      format: "count",
      series: [t("figures.outcomes.cases")],
      groups: set.outcomes.items
        .filter((item) => item.key !== "UNKNOWN" || !isZero(item.count))
        .map((item) => ({ label: item.key === "UNKNOWN" ? t("figures.outcomes.unknown") : labelOf(caseOutcomes, item.key, locale), values: [item.count] })),
    }),
  );
  paragraph(t("figures.transferred", { value: w.value(set.transferred.total, "count").text }));

  // ── signals ──
  heading(t("reports.signals.title"));
  paragraph(t("reports.signals.intro"));
  if (input.signals.length === 0) paragraph(t("reports.signals.none", { quarter: quarterLong }));
  else blocks.push({ kind: "table", table: signalTable(input.signals, set.threshold, w, t, locale) });

  // ── about the figures ──
  heading(t("reports.about.title"));
  paragraph(t("reports.about.marks"));
  for (const line of w.legend([{ kind: "small", threshold: set.threshold }, { kind: "hidden" }, { kind: "tooFew", threshold: set.threshold }])) paragraph(line);
  paragraph(t("figures.licence"));

  return {
    locale,
    title: `${t("reports.title", { scope: scopeName })}, ${quarterLong}`,
    footer: `${t("reports.title", { scope: scopeName })} · ${quarterLong} · ${t("reports.source")}`,
    pageLabel: (page, pages) => t("reports.pageOf", { page, pages }),
    blocks,
  };
}

/** A signal's count shown as every count is: "minder dan 5" from 1 up to the threshold. */
export function signalCount(cases: number, threshold: number): ShownCount {
  return isSmallCount(cases, threshold) ? { kind: "small", threshold } : { kind: "count", value: cases };
}

function signalTable(signals: ReportSignal[], threshold: number, w: Writer, t: Translate, locale: Locale): ReportTable {
  const quarterText = (q: string) => (/^\d{4}-K[1-4]$/.test(q) ? quarterWords(q as QuarterKey, t, "short") : q);
  return {
    caption: t("reports.signals.caption"),
    columns: [
      t("reports.signals.what"),
      t("reports.signals.dimension"),
      t("figures.quarter"),
      t("figures.outcomes.cases"),
      t("reports.signals.status"),
      t("reports.signals.done"),
      t("reports.signals.actedOn"),
    ],
    format: "text",
    rows: signals.map((s) => ({
      label: labelOf(s.dimension === "cause" ? causes : organisationKinds, s.key, locale),
      cells: [
        w.text(t(`reports.signals.dimensions.${s.dimension}`)),
        w.text(quarterText(s.quarter)),
        w.value(signalCount(s.cases, threshold), "count"),
        w.text(t(`reports.signals.statuses.${s.status}`)),
        w.text(s.note ?? t("reports.signals.noNote")),
        w.text(s.actedOn ? writeDay(s.actedOn, locale) : "—"),
      ],
    })),
  };
}

/** The CSV's columns: one line per figure or text of the report's tables (long format). */
export type ReportCsvRows = { columns: string[]; rows: (string | ShownFigure)[][] };

/**
 * Every table of the report in long format: table, row, column, value, unit
 * and, for a figure not shown, what its mark means. A spreadsheet filters or
 * pivots it without knowing how each table was laid out.
 */
export function reportCsvRows(report: QuarterlyReport, t: Translate): ReportCsvRows {
  const rows: (string | ShownFigure)[][] = [];
  const unit = (format: ValueFormat) => t(`reports.csv.units.${format}`);
  for (const block of report.blocks) {
    const table = block.kind === "chart" ? block.table : block.kind === "table" ? block.table : null;
    if (!table) continue;
    for (const row of table.rows) {
      row.cells.forEach((cell, c) => {
        const column = table.columns[c + 1] ?? "";
        if (!cell.figure) {
          rows.push([table.caption, row.label, column, cell.text, unit("text"), ""]);
          return;
        }
        const mark = figureMark(cell.figure);
        const format = table.format === "text" ? "count" : table.format;
        // Shares are written as percentages (42.0), as in the other CSV files.
        const figure: ShownFigure = cell.figure.kind === "value" && format === "percent" ? { ...cell.figure, value: cell.figure.value * 100 } : cell.figure;
        rows.push([table.caption, row.label, column, figure, unit(format), mark ? cell.text : ""]);
      });
    }
  }
  return {
    columns: [t("reports.csv.table"), t("reports.csv.row"), t("reports.csv.column"), t("reports.csv.value"), t("reports.csv.unit"), t("reports.csv.meaning")],
    rows,
  };
}
