import "server-only";
import { reportCsvRows, type QuarterlyReport, type Translate } from "@/lib/domain/quarterly-report";
import { figuresCsv } from "@/lib/server/figures-csv";

/**
 * A quarterly report's tables as one CSV file in long format (table, row,
 * column, value, unit, meaning), with the same marks as the other figure
 * downloads and the report's title and facts as comment lines above them.
 */
export function renderQuarterlyReportCsv(report: QuarterlyReport, t: Translate): string {
  const { columns, rows } = reportCsvRows(report, t);
  const facts = report.blocks.flatMap((b) => (b.kind === "facts" ? b.rows.map((r) => `${r.label}: ${r.value}`) : []));
  return figuresCsv({
    columns,
    rows,
    preamble: [report.title, ...facts],
    note: (mark, symbol) => (mark.kind === "hidden" ? t("charts.csvNote.hidden", { mark: symbol }) : t(`charts.csvNote.${mark.kind}`, { mark: symbol, threshold: mark.threshold })),
  });
}
