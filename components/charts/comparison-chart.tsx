import { scaleLinear } from "d3-scale";
import type { ShownStatistic } from "@/lib/domain/figures";
import { figureMark, figureValue } from "@/lib/domain/figure-marks";
import {
  AXIS,
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
  type ChartFrameProps,
} from "./chart-kit";

const PAD = 4;
const HEADING_HEIGHT = 20;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 14;
const GROUP_GAP = 14;

export type ComparisonChartProps = ChartFrameProps & {
  /** Shares are fractions (0.42 is 42 %); working days may have a decimal (a median of 12.5) */
  format: "percent" | "workingDays";
  /** The table's header over the groups, e.g. "Stap" or "Norm" */
  groupHeader: string;
  /** What is compared, e.g. ["Deze gemeente", "De regio", "Nederland"]; each bar is labelled with it */
  series: string[];
  /** Each group holds one statistic per series, in the order of `series` */
  groups: { label: string; values: ShownStatistic[] }[];
};

/**
 * A statistic compared side by side, such as the share of cases within the
 * norm or a median lead time for the gemeente, its region and the country.
 * Every bar carries its series' name and its value, so that the colours and
 * patterns only help.
 */
export function ComparisonChart({ title, summary, csvHref, table, format, groupHeader, series, groups }: ComparisonChartProps) {
  const chartId = useChartId();
  const text = useFigureText();
  const figures = groups.flatMap((g) => g.values);
  const shown = figures.map(figureValue).filter((v): v is number => v !== null);

  const labelWidth = Math.min(200, Math.max(0, ...series.map((s) => textWidth(s))) + 16);
  const start = PAD + labelWidth;
  const valueRoom = format === "percent" ? 52 : 120;
  const x = scaleLinear()
    .domain([0, format === "percent" ? 1 : Math.max(1, ...shown)])
    .range([0, CHART_WIDTH - start - valueRoom - PAD]);
  if (format !== "percent") x.nice();

  const groupHeight = HEADING_HEIGHT + series.length * ROW_HEIGHT + GROUP_GAP;
  const height = Math.max(1, groups.length) * groupHeight + PAD;

  const written =
    groups.length === 0
      ? text.t("summary.noData")
      : groups
          .map((g) =>
            text.t("summary.group", {
              group: g.label,
              values: g.values.map((v, s) => `${series[s] ?? ""} ${text.long(v, format)}`).join("; "),
            }),
          )
          .join(" ");

  const drawing = (
    <>
      <SeriesPatterns chartId={chartId} count={series.length} />
      {groups.map((group, g) => {
        const top = g * groupHeight + PAD;
        const rowsTop = top + HEADING_HEIGHT;
        return (
          <g key={g}>
            <text x={PAD} y={top + HEADING_HEIGHT - 6} fill={TEXT} fontWeight={700}>
              {group.label}
            </text>
            <line x1={start} x2={start} y1={rowsTop} y2={rowsTop + series.length * ROW_HEIGHT} stroke={AXIS} strokeWidth={1.5} />
            {group.values.map((figure, s) => {
              const value = figureValue(figure);
              const barTop = rowsTop + (ROW_HEIGHT - BAR_HEIGHT) / 2;
              const baseline = barTop + BAR_HEIGHT / 2 + 4.5;
              const width = value === null ? 0 : x(value);
              const mark = figureMark(figure)?.kind;
              return (
                <g key={s} transform={`translate(0,${s * ROW_HEIGHT})`}>
                  <text x={start - 8} y={baseline} textAnchor="end" fill={TEXT}>
                    {series[s]}
                  </text>
                  {value !== null && width > 0 && (
                    <rect
                      data-bar={s}
                      x={start}
                      y={barTop}
                      width={width}
                      height={BAR_HEIGHT}
                      fill={seriesFill(chartId, s)}
                      stroke={seriesStyle(s).color}
                      strokeWidth={1.5}
                    />
                  )}
                  <text
                    x={start + width + 6}
                    y={baseline}
                    fill={mark ? MUTED_TEXT : TEXT}
                    fontStyle={mark ? "italic" : undefined}
                    fontWeight={mark ? 600 : undefined}
                    data-mark={mark}
                  >
                    {text.short(figure, format)}
                  </text>
                </g>
              );
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
      legend={series.map((label, s) => ({ label, swatch: <Swatch chartId={chartId} index={s} kind="bar" /> }))}
      figures={figures}
      table={table}
      csvHref={csvHref}
      tableNode={<FigureTable caption={title} rowHeader={groupHeader} columns={series} rows={groups.map((g) => ({ label: g.label, cells: g.values }))} format={format} />}
    />
  );
}
