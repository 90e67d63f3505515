import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { ShownCount, ShownStatistic } from "@/lib/domain/figures";
import { figureMark, figureValue, type ShownFigure } from "@/lib/domain/figure-marks";
import {
  AXIS,
  CHART_WIDTH,
  ChartFrame,
  FigureTable,
  GRID,
  MUTED_TEXT,
  SeriesMarker,
  Swatch,
  TEXT,
  seriesStyle,
  suppressedSentence,
  useChartId,
  useFigureText,
  type ChartFrameProps,
  type ValueFormat,
} from "./chart-kit";

const LEFT = 52;
const RIGHT = 140;
const TOP = 26;
const PLOT_HEIGHT = 200;
const AXIS_LABELS = 28;
const MARK_ROW = 20;
/** At most this many period labels under the axis; more would overlap. */
const MAX_PERIOD_LABELS = 8;

export type PeriodSeries = { label: string; values: (ShownCount | ShownStatistic)[] };

export type PeriodChartProps = ChartFrameProps & {
  format: ValueFormat;
  /** What the vertical axis counts, written above it, e.g. "Aantal meldingen" or "Werkdagen" */
  axisLabel: string;
  /** The table's header over the periods, e.g. "Kwartaal" */
  periodHeader: string;
  /** The periods in time order, e.g. ["2025 K1", "2025 K2"] */
  periods: string[];
  /** One line per series, with one figure per period */
  series: PeriodSeries[];
};

type Point = { index: number; value: number | null };

/**
 * One or more series over periods (quarters) as lines. A period whose figure
 * is not shown breaks the line there; its mark stands in a row of marks under
 * the axis, beside the series' own marker, so that it is never read as zero.
 * Each line has its own dash and marker and is named at its end.
 */
export function PeriodChart({ title, summary, csvHref, table, format, axisLabel, periodHeader, periods, series }: PeriodChartProps) {
  const chartId = useChartId();
  const text = useFigureText();
  const figures: ShownFigure[] = series.flatMap((s) => s.values);
  const shown = figures.map(figureValue).filter((v): v is number => v !== null);

  const plotBottom = TOP + PLOT_HEIGHT;
  const right = CHART_WIDTH - RIGHT;
  const x = scalePoint<number>()
    .domain(periods.map((_, i) => i))
    .range([LEFT, right])
    .padding(0.4);
  const y = scaleLinear()
    .domain([0, Math.max(format === "percent" ? 0.1 : 1, ...shown)])
    .range([plotBottom, TOP])
    .nice();
  const ticks = y.ticks(5);
  const labelEvery = Math.ceil(periods.length / MAX_PERIOD_LABELS);

  const withMarks = series.map((s, index) => ({ index, series: s })).filter(({ series: s }) => s.values.some((v) => figureMark(v) !== null));
  const marksTop = plotBottom + AXIS_LABELS;
  const height = marksTop + withMarks.length * MARK_ROW + 6;

  const path = line<Point>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.index) ?? 0)
    .y((p) => y(p.value ?? 0));

  const points = series.map((s) => s.values.map((v, index): Point => ({ index, value: figureValue(v) })));
  const endLabels = placeEndLabels(
    series.flatMap((s, index) => {
      const last = points[index]!.findLast((p) => p.value !== null);
      return last ? [{ index, label: s.label, y: y(last.value!) }] : [];
    }),
  );

  const written =
    series.length === 0 || periods.length === 0
      ? text.t("summary.noData")
      : [
          ...series.map((s, index) => {
            const defined = points[index]!.filter((p) => p.value !== null);
            const first = defined[0];
            const last = defined.at(-1);
            if (!first || !last) return null;
            if (first === last) return text.t("summary.point", { series: s.label, value: text.value(first.value!, format), period: periods[first.index]! });
            return text.t("summary.trend", {
              series: s.label,
              from: text.value(first.value!, format),
              firstPeriod: periods[first.index]!,
              to: text.value(last.value!, format),
              lastPeriod: periods[last.index]!,
            });
          }),
          suppressedSentence(text, figures),
        ]
          .filter((s): s is string => s !== null)
          .join(" ") || text.t("summary.noData");

  const drawing = (
    <>
      <text x={LEFT - 8} y={TOP - 12} fill={TEXT} fontWeight={600}>
        {axisLabel}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? AXIS : GRID} strokeWidth={tick === 0 ? 1.5 : 1} />
          <text x={LEFT - 8} y={y(tick) + 4} textAnchor="end" fill={MUTED_TEXT}>
            {text.tick(tick, format)}
          </text>
        </g>
      ))}
      {periods.map((period, i) =>
        i % labelEvery === 0 ? (
          <text key={i} x={x(i)} y={plotBottom + 18} textAnchor="middle" fill={TEXT}>
            {period}
          </text>
        ) : null,
      )}
      {series.map((s, index) => {
        const style = seriesStyle(index);
        return (
          <g key={index} data-series={index}>
            <path d={path(points[index]!) ?? undefined} fill="none" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} />
            {points[index]!.map((p) =>
              p.value === null ? null : <SeriesMarker key={p.index} index={index} x={x(p.index) ?? 0} y={y(p.value)} />,
            )}
          </g>
        );
      })}
      {endLabels.map((l) => (
        <g key={l.index}>
          <SeriesMarker index={l.index} x={right + 14} y={l.y} />
          <text x={right + 24} y={l.y + 4} fill={TEXT} fontWeight={600}>
            {series[l.index]!.label}
          </text>
        </g>
      ))}
      {withMarks.map(({ index, series: s }, row) => {
        const rowY = marksTop + row * MARK_ROW + MARK_ROW / 2;
        return (
          <g key={index}>
            <SeriesMarker index={index} x={LEFT - 14} y={rowY} hollow />
            {s.values.map((figure, i) => {
              const mark = figureMark(figure);
              return mark ? (
                <text key={i} x={x(i)} y={rowY + 4} textAnchor="middle" fill={MUTED_TEXT} fontStyle="italic" fontWeight={600} data-mark={mark.kind}>
                  {text.short(figure, format)}
                </text>
              ) : null;
            })}
          </g>
        );
      })}
    </>
  );

  return (
    <ChartFrame
      chartId={chartId}
      title={title}
      summary={summary ?? written}
      width={CHART_WIDTH}
      height={height}
      drawing={drawing}
      legend={series.map((s, index) => ({ label: s.label, swatch: <Swatch chartId={chartId} index={index} kind="line" /> }))}
      figures={figures}
      table={table}
      csvHref={csvHref}
      tableNode={
        <FigureTable
          caption={title}
          rowHeader={periodHeader}
          columns={series.map((s) => s.label)}
          rows={periods.map((period, i) => ({ label: period, cells: series.map((s) => s.values[i] ?? { kind: "hidden" }) }))}
          format={format}
        />
      }
    />
  );
}

/** Moves the names at the ends of the lines apart so that they do not overlap. */
function placeEndLabels(labels: { index: number; label: string; y: number }[], gap = 16): { index: number; y: number }[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  let previous = -Infinity;
  return sorted.map((l) => {
    const placed = Math.max(l.y, previous + gap);
    previous = placed;
    return { index: l.index, y: placed };
  });
}
