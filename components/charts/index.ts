export { CategoryBarChart, StepBarChart, type CategoryBarChartProps, type StepBarChartProps } from "./bar-chart";
export { ComparisonChart, type ComparisonChartProps } from "./comparison-chart";
export { PeriodChart, type PeriodChartProps, type PeriodSeries } from "./period-chart";
export type { ChartFrameProps, ValueFormat } from "./chart-kit";
