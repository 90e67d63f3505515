import { scaleLinear } from "d3-scale";
import type { ShownCount } from "@/lib/domain/figures";
import { figureMark, figureValue } from "@/lib/domain/figure-marks";
import {
  CHART_WIDTH,
  ChartFrame,
  FigureTable,
  MUTED_TEXT,
  SeriesPatterns,
  Swatch,
  TEXT,
  seriesFill,
  seriesStyle,
  textWidth,
  useChartId,
  useFigureText,
  suppressedSentence,
  type ChartFrameProps,
} from "./chart-kit";

const PAD = 4;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 20;
const ROW_GAP = 14;
const ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
const SWATCH = 11;
/** Moves a label's baseline down so that the text sits in the middle of a bar. */
const FONT_BASELINE = 4.5;

type BarRow = { label: string; values: ShownCount[] };

/**
 * Bars that run from left to right, each under its label, so that long Dutch
 * labels never have to be cut. A row holds one value, or several stacked in
 * the order of `parts`. A value that is not shown is never drawn as a bar:
 * its row shows the mark in the empty place instead.
 */
function HorizontalBars({ chartId, rows, parts }: { chartId: string; rows: BarRow[]; parts: number }) {
  const text = useFigureText();
  const stacked = parts > 1;
  const shownTotals = rows.map((row) => row.values.reduce((sum, v) => sum + (figureValue(v) ?? 0), 0));
  // Room after the longest bar for what is written there: a value, or per part a swatch and its value or mark.
  const after = stacked ? parts * 56 : 64;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...shownTotals)])
    .range([0, CHART_WIDTH - 2 * PAD - after]);

  return (
    <>
      <SeriesPatterns chartId={chartId} count={parts} />
      {rows.map((row, r) => {
        const top = r * ROW_HEIGHT + PAD;
        const barTop = top + LABEL_HEIGHT + 2;
        const baseline = barTop + BAR_HEIGHT / 2 + FONT_BASELINE;
        let end = PAD;
        const bars = row.values.map((figure, p) => {
          const value = figureValue(figure);
          if (value === null || value === 0) return null;
          const start = end;
          const width = x(value);
          end += width;
          return (
            <rect
              key={p}
              data-bar={p}
              x={start}
              y={barTop}
              width={width}
              height={BAR_HEIGHT}
              fill={seriesFill(chartId, p)}
              stroke={seriesStyle(p).color}
              strokeWidth={1.5}
            />
          );
        });
        let cursor = end + 6;
        const labels = stacked
          ? row.values.map((figure, p) => {
              const written = text.short(figure, "count");
              const at = cursor;
              cursor += SWATCH + 4 + textWidth(written) + 12;
              return (
                <g key={p}>
                  <rect
                    x={at}
                    y={barTop + (BAR_HEIGHT - SWATCH) / 2}
                    width={SWATCH}
                    height={SWATCH}
                    fill={seriesFill(chartId, p)}
                    stroke={seriesStyle(p).color}
                    strokeWidth={1.5}
                  />
                  <FigureLabel x={at + SWATCH + 4} y={baseline} written={written} mark={figureMark(figure)?.kind} />
                </g>
              );
            })
          : row.values.map((figure, p) => (
              <FigureLabel key={p} x={cursor} y={baseline} written={text.short(figure, "count")} mark={figureMark(figure)?.kind} />
            ));
        return (
          <g key={r}>
            <text x={PAD} y={top + LABEL_HEIGHT - 4} fill={TEXT} fontWeight={600}>
              {row.label}
            </text>
            {/* The track shows where a bar would run, so an empty place reads as a gap, not as nothing. */}
            <line x1={PAD} x2={PAD} y1={barTop - 2} y2={barTop + BAR_HEIGHT + 2} stroke="#64748b" strokeWidth={1.5} />
            {bars}
            {labels}
          </g>
        );
      })}
    </>
  );
}

/** A value beside its bar, or a mark in italics where the bar would be. */
function FigureLabel({ x, y, written, mark }: { x: number; y: number; written: string; mark: string | undefined }) {
  return (
    <text x={x} y={y} fill={mark ? MUTED_TEXT : TEXT} fontStyle={mark ? "italic" : undefined} fontWeight={mark ? 600 : undefined} data-mark={mark}>
      {written}
    </text>
  );
}

function useLargestSentence(rows: BarRow[], partLabels: string[]): string | null {
  const text = useFigureText();
  let best: { label: string; value: number } | null = null;
  for (const row of rows) {
    row.values.forEach((figure, p) => {
      const value = figureValue(figure);
      if (value === null || (best && best.value >= value)) return;
      best = { label: partLabels.length > 1 ? `${row.label} (${partLabels[p]})` : row.label, value };
    });
  }
  const found = best as { label: string; value: number } | null;
  return found && found.value > 0 ? text.t("summary.largest", { label: found.label, value: text.value(found.value, "count") }) : null;
}

function summaryOf(sentences: (string | null)[], fallback: string): string {
  const written = sentences.filter((s): s is string => s !== null);
  return written.length > 0 ? written.join(" ") : fallback;
}

export type CategoryBarChartProps = ChartFrameProps & {
  /** The table's header over the categories, e.g. "Oorzaak" */
  categoryHeader: string;
  /** The table's header over the counts, e.g. "Aantal meldingen" */
  valueHeader: string;
  /** In the order to show them (sort them before, if that helps the reader) */
  items: { label: string; value: ShownCount }[];
};

/** Counts per category (causes of an impasse, outcomes, kinds of organisation) as horizontal bars. */
export function CategoryBarChart({ title, summary, csvHref, table, categoryHeader, valueHeader, items }: CategoryBarChartProps) {
  const chartId = useChartId();
  const text = useFigureText();
  const rows = items.map((item) => ({ label: item.label, values: [item.value] }));
  const figures = items.map((item) => item.value);
  const written = summaryOf([useLargestSentence(rows, []), suppressedSentence(text, figures)], text.t("summary.noData"));
  return (
    <ChartFrame
      chartId={chartId}
      title={title}
      summary={summary ?? written}
      width={CHART_WIDTH}
      height={Math.max(1, rows.length) * ROW_HEIGHT + PAD}
      drawing={<HorizontalBars chartId={chartId} rows={rows} parts={1} />}
      figures={figures}
      table={table}
      csvHref={csvHref}
      tableNode={
        <FigureTable
          caption={title}
          rowHeader={categoryHeader}
          columns={[valueHeader]}
          rows={items.map((item) => ({ label: item.label, cells: [item.value] }))}
          format="count"
        />
      }
    />
  );
}

export type StepBarChartProps = ChartFrameProps & {
  /** The table's header over the steps, e.g. "Stap" */
  stepHeader: string;
  /**
   * What each step's count is split into, e.g. ["Binnen de termijn", "Over de termijn"];
   * one label draws a simple bar per step.
   */
  parts: string[];
  /** The steps in the order of the process, each with one count per part */
  steps: { label: string; values: ShownCount[] }[];
};

/**
 * Open cases per step, as one bar per step, stacked by part when there are
 * several. The parts that are shown are stacked; a part that is not shown
 * adds no length, and its mark stands beside the bar with its swatch.
 */
export function StepBarChart({ title, summary, csvHref, table, stepHeader, parts, steps }: StepBarChartProps) {
  const chartId = useChartId();
  const text = useFigureText();
  const figures = steps.flatMap((step) => step.values);
  const written = summaryOf([useLargestSentence(steps, parts), suppressedSentence(text, figures)], text.t("summary.noData"));
  return (
    <ChartFrame
      chartId={chartId}
      title={title}
      summary={summary ?? written}
      width={CHART_WIDTH}
      height={Math.max(1, steps.length) * ROW_HEIGHT + PAD}
      drawing={<HorizontalBars chartId={chartId} rows={steps} parts={parts.length} />}
      legend={parts.map((label, p) => ({ label, swatch: <Swatch chartId={chartId} index={p} kind="bar" /> }))}
      figures={figures}
      table={table}
      csvHref={csvHref}
      tableNode={<FigureTable caption={title} rowHeader={stepHeader} columns={parts} rows={steps.map((s) => ({ label: s.label, cells: s.values }))} format="count" />}
    />
  );
}
