import "server-only";
import { stringify } from "csv-stringify/sync";
import type { ShownCount, ShownStatistic } from "@/lib/domain/figures";
import { figureMark, markSymbol, marksIn, type FigureMark, type ShownFigure } from "@/lib/domain/figure-marks";
import { attachmentResponse } from "./download-response";

/**
 * The figures behind a chart as a CSV file. It receives the same shapes as
 * the chart (figures that disclosure control has already seen), so it cannot
 * write a small count that the chart would not show. A figure that is not
 * shown is written as its mark ("<5", "x", "*"), and a comment line above the
 * header says what each mark that occurs means; read the file with `#` as the
 * comment character (csv-parse `comment: "#"`, pandas `comment="#"`).
 */

export type FiguresCsvColumn = {
  header: string;
  /** Statistics that are shares (0.42) are written as percentages (42.0) */
  percent?: boolean;
};

/** A label (a period, a gemeente, a cause) or a figure. */
export type FiguresCsvCell = string | ShownCount | ShownStatistic;

export type FiguresCsvInput = {
  columns: (string | FiguresCsvColumn)[];
  rows: FiguresCsvCell[][];
  /** What a mark means, in the reader's language, e.g. from the `charts.csvNote` messages */
  note: (mark: FigureMark, symbol: string) => string;
  /** Comment lines above the notes: what the file is, where its figures come from */
  preamble?: string[];
};

const COMMENT = "# ";

export function figuresCsv({ columns, rows, note, preamble = [] }: FiguresCsvInput): string {
  const spec = columns.map((c) => (typeof c === "string" ? { header: c } : c));
  const figures = rows.flatMap((row) => row.filter((cell): cell is ShownFigure => typeof cell !== "string"));
  // One line per note: a line break inside a note would end the comment early.
  const notes = [...preamble, ...marksIn(figures).map((mark) => note(mark, markSymbol(mark)))].map((line) => `${COMMENT}${line.replace(/[\r\n]+/g, " ")}\n`);
  const body = stringify(
    rows.map((row) => row.map((cell, c) => written(cell, spec[c]?.percent ?? false))),
    {
      header: true,
      columns: spec.map((c) => c.header),
      // Every text is quoted, as in the audit export: a mark like "<5" stays a text in every reader.
      quoted_string: true,
      // A label like "=HYPERLINK(…)" must not run as a formula when the file is opened in a spreadsheet.
      escape_formulas: true,
    },
  );
  // A BOM lets spreadsheet programs read the file as UTF-8, like the audit export.
  return `\uFEFF${notes.join("")}${body}`;
}

function written(cell: FiguresCsvCell, percent: boolean): string | number {
  if (typeof cell === "string") return cell;
  const mark = figureMark(cell);
  if (mark) return markSymbol(mark);
  if (cell.kind === "count") return cell.value;
  if (cell.kind === "value") return oneDecimal(percent ? cell.value * 100 : cell.value);
  return "";
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A file name that says what is in it, e.g. `doorbraak-oorzaken-utrecht-2025-k1.csv`:
 * lower case, words joined by dashes, letters with accents written without them.
 */
export function figuresCsvFileName(...parts: string[]): string {
  return `${downloadSlug(...parts)}.csv`;
}

/** The name of a download without its extension: `doorbraak-kwartaalrapportage-den-haag-2026-k3`. */
export function downloadSlug(...parts: string[]): string {
  return ["doorbraak", ...parts]
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The CSV as a download that is never shown inline or kept in a shared cache. */
export function figuresCsvResponse(csv: string, fileName: string): Response {
  return attachmentResponse({ content: new TextEncoder().encode(csv), contentType: "text/csv; charset=utf-8", fileName });
}
