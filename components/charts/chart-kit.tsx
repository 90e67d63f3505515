import { useId, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from "d3-shape";
import { Table } from "@/components/table";
import { figureMark, figureValue, markSymbol, marksIn, type FigureMark, type ShownFigure } from "@/lib/domain/figure-marks";

/**
 * What every chart shares: how a figure is written, the look of each series,
 * and the frame around the drawing (caption, legend of marks, the same data as
 * a table, the CSV link). Charts are drawn on the server; nothing here needs
 * JavaScript in the browser.
 */

/** How the values of a chart are written. Shares are fractions (0.42 is 42 %). */
export type ValueFormat = "count" | "percent" | "workingDays";

/** Every chart draws into this width; the SVG scales to its container through its viewBox. */
export const CHART_WIDTH = 640;
export const FONT_SIZE = 13;

/** Text colours: slate-900 and slate-700, both well above 4.5:1 on white. */
export const TEXT = "#0f172a";
export const MUTED_TEXT = "#334155";
/** Grid lines are decoration, not information: they may be faint. */
export const GRID = "#e2e8f0";
export const AXIS = "#64748b";

type SeriesStyle = {
  /** At least 3:1 against white (teal-700, slate-600, amber-700, violet-700) */
  color: string;
  /** The fill pattern of a bar, so that series differ by more than their colour */
  pattern: "solid" | "hatch" | "dots" | "cross";
  /** The dash of a line */
  dash: string | undefined;
  marker: SymbolType;
};

export const seriesStyles: readonly SeriesStyle[] = [
  { color: "#0f766e", pattern: "solid", dash: undefined, marker: symbolCircle },
  { color: "#475569", pattern: "hatch", dash: "8 4", marker: symbolSquare },
  { color: "#b45309", pattern: "dots", dash: "2 3", marker: symbolTriangle },
  { color: "#6d28d9", pattern: "cross", dash: "10 3 2 3", marker: symbolDiamond },
];

export function seriesStyle(index: number): SeriesStyle {
  return seriesStyles[index % seriesStyles.length]!;
}

/** An id that is safe inside `url(#…)` and unique on the page. */
export function useChartId(): string {
  return `chart${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
}

export function patternId(chartId: string, index: number): string {
  return `${chartId}-series-${index % seriesStyles.length}`;
}

export function seriesFill(chartId: string, index: number): string {
  const style = seriesStyle(index);
  return style.pattern === "solid" ? style.color : `url(#${patternId(chartId, index)})`;
}

/** The fill patterns of the chart's series; the legend's swatches use them as well. */
export function SeriesPatterns({ chartId, count }: { chartId: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: Math.min(count, seriesStyles.length) }, (_, index) => {
        const { color, pattern } = seriesStyle(index);
        const id = patternId(chartId, index);
        switch (pattern) {
          case "solid":
            return null;
          case "hatch":
            return (
              <pattern key={id} id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <rect width="3" height="6" fill={color} />
              </pattern>
            );
          case "dots":
            return (
              <pattern key={id} id={id} width="5" height="5" patternUnits="userSpaceOnUse">
                <rect width="5" height="5" fill="#ffffff" />
                <circle cx="2.5" cy="2.5" r="1.7" fill={color} />
              </pattern>
            );
          case "cross":
            return (
              <pattern key={id} id={id} width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" fill="#ffffff" />
                <path d="M0 3H6M3 0V6" stroke={color} strokeWidth="1.5" />
              </pattern>
            );
        }
      })}
    </defs>
  );
}

/** The marker of a series at (x, y): the same shape in the line, the legend and beside a mark. */
export function SeriesMarker({ index, x, y, hollow = false }: { index: number; x: number; y: number; hollow?: boolean }) {
  const style = seriesStyle(index);
  return (
    <path
      d={symbol(style.marker, 56)() ?? undefined}
      transform={`translate(${x},${y})`}
      fill={hollow ? "#ffffff" : style.color}
      stroke={hollow ? style.color : "#ffffff"}
      strokeWidth={hollow ? 1.5 : 1}
    />
  );
}

/** Rough width of a text in the chart's font, for placing what comes after it. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return text.length * fontSize * 0.58;
}

/** Writes figures in the reader's language: values with their unit, or the mark of a figure not shown. */
export function useFigureText() {
  const t = useTranslations("charts");
  const format = useFormatter();

  function value(number: number, as: ValueFormat): string {
    switch (as) {
      case "percent":
        return format.number(number, { style: "percent", maximumFractionDigits: 0 });
      case "workingDays":
        return t("workingDays", { days: Math.round(number * 10) / 10 });
      case "count":
        return format.number(number, { maximumFractionDigits: 1 });
    }
  }

  /** An axis tick: the bare number (the unit is in the caption), or a percentage. */
  function tick(number: number, as: ValueFormat): string {
    return as === "percent" ? format.number(number, { style: "percent", maximumFractionDigits: 0 }) : format.number(number);
  }

  /** In the drawing: the value, or its mark ("<5", "x", "*"). */
  function short(figure: ShownFigure, as: ValueFormat): string {
    const mark = figureMark(figure);
    return mark ? markSymbol(mark) : value(figureValue(figure)!, as);
  }

  /** In the table: the value, or what its mark means in words. */
  function long(figure: ShownFigure, as: ValueFormat): string {
    const mark = figureMark(figure);
    if (!mark) return value(figureValue(figure)!, as);
    return mark.kind === "hidden" ? t("cell.hidden") : t(`cell.${mark.kind}`, { threshold: mark.threshold });
  }

  function explain(mark: FigureMark): string {
    const symbolText = markSymbol(mark);
    return mark.kind === "hidden"
      ? t("legend.hidden", { mark: symbolText })
      : t(`legend.${mark.kind}`, { mark: symbolText, threshold: mark.threshold });
  }

  return { t, value, tick, short, long, explain };
}

export type FigureText = ReturnType<typeof useFigureText>;

/** The sentence of a summary that says how many figures are not shown exactly. */
export function suppressedSentence(text: FigureText, figures: ShownFigure[]): string | null {
  const count = figures.filter((f) => figureMark(f) !== null).length;
  return count === 0 ? null : text.t("summary.suppressed", { count });
}

export type TableRow = { label: string; cells: ShownFigure[] };

/** The chart's data as a table: a row header, one column per series. */
export function FigureTable({
  caption,
  rowHeader,
  columns,
  rows,
  format,
}: {
  caption: string;
  rowHeader: string;
  columns: string[];
  rows: TableRow[];
  format: ValueFormat;
}) {
  const text = useFigureText();
  return (
    <Table caption={caption} columns={[rowHeader, ...columns]} className="w-full border-collapse bg-white text-left text-sm">
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className="border-b border-slate-200">
            <th scope="row" className="p-2 font-semibold">
              {row.label}
            </th>
            {row.cells.map((cell, c) => (
              <td key={c} className="p-2 tabular-nums" data-mark={figureMark(cell)?.kind}>
                {text.long(cell, format)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export type LegendEntry = { label: string; swatch: ReactNode };

/** A small picture for the legend: the series' bar fill, or its line with its marker. */
export function Swatch({ chartId, index, kind }: { chartId: string; index: number; kind: "bar" | "line" }) {
  const style = seriesStyle(index);
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false" className="inline-block shrink-0">
      {kind === "bar" ? (
        <rect x="1" y="1" width="26" height="14" fill={seriesFill(chartId, index)} stroke={style.color} strokeWidth="1.5" />
      ) : (
        <>
          <line x1="1" y1="8" x2="27" y2="8" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
          <SeriesMarker index={index} x={14} y={8} />
        </>
      )}
    </svg>
  );
}

export type ChartFrameProps = {
  /** Says what the chart shows; the figure's caption, the drawing's title and the table's caption */
  title: string;
  /** A short text summary for the drawing's description; the chart writes one when this is left out */
  summary?: string;
  /** Where the same figures can be downloaded as CSV */
  csvHref?: string;
  /** The table under the chart: folded away (the default) or always visible */
  table?: "details" | "visible";
};

/**
 * The frame of every chart: the caption, the drawing with its title and
 * summary, the series legend, what each mark means, the data as a table and
 * the CSV link.
 */
export function ChartFrame({
  chartId,
  title,
  summary,
  width,
  height,
  drawing,
  legend,
  figures,
  tableNode,
  table = "details",
  csvHref,
}: {
  chartId: string;
  title: string;
  summary: string;
  width: number;
  height: number;
  drawing: ReactNode;
  legend?: LegendEntry[];
  /** Every figure drawn, to explain the marks that occur among them */
  figures: ShownFigure[];
  tableNode: ReactNode;
  table?: "details" | "visible";
  csvHref?: string;
}) {
  const text = useFigureText();
  const marks = marksIn(figures);
  return (
    <figure className="min-w-0 rounded border border-slate-300 bg-white p-4">
      <figcaption className="text-lg font-bold">{title}</figcaption>
      {/*
        The drawing scales with its container through its viewBox, up to about the
        size it is drawn at (larger, its text would outgrow the page's), and not below
        the width at which its text stays readable: on a narrow screen it scrolls
        sideways (charts are exempt from reflow), and the focusable wrapper lets
        a keyboard scroll it too. The table below reflows.
      */}
      <div className="mt-3 overflow-x-auto" tabIndex={0}>
        <svg
          role="img"
          aria-labelledby={`${chartId}-title ${chartId}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          className="block h-auto max-w-3xl min-w-[34rem]"
          fontSize={FONT_SIZE}
          fontFamily="inherit"
        >
          <title id={`${chartId}-title`}>{title}</title>
          <desc id={`${chartId}-desc`}>{summary}</desc>
          {drawing}
        </svg>
      </div>
      {legend && legend.length > 1 && (
        <ul aria-label={text.t("seriesLegend")} className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {legend.map((entry) => (
            <li key={entry.label} className="flex items-center gap-2">
              {entry.swatch}
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      {marks.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm text-slate-700">
          {marks.map((mark) => (
            <li key={markSymbol(mark)} data-legend-mark={mark.kind}>
              {text.explain(mark)}
            </li>
          ))}
        </ul>
      )}
      {table === "visible" ? (
        <div className="mt-4 overflow-x-auto">{tableNode}</div>
      ) : (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold">{text.t("table")}</summary>
          <div className="mt-2 overflow-x-auto">{tableNode}</div>
        </details>
      )}
      {csvHref && (
        <p className="mt-3">
          <a href={csvHref} download className="font-semibold">
            {text.t("csv")}
          </a>
        </p>
      )}
    </figure>
  );
}
