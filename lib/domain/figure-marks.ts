import type { ShownCount, ShownStatistic } from "./figures";

/**
 * The marks that stand in for a figure that is not shown, the same in a
 * chart, its table and its CSV file. They follow the habits of statistical
 * offices (CBS writes "x" for a secret cell) and never look like a number
 * that could be read as zero.
 */

export type ShownFigure = ShownCount | ShownStatistic;

export type FigureMark =
  | { kind: "small"; threshold: number }
  | { kind: "hidden" }
  | { kind: "tooFew"; threshold: number };

/** Why a figure is not shown, or null when its value is. */
export function figureMark(figure: ShownFigure): FigureMark | null {
  switch (figure.kind) {
    case "count":
    case "value":
      return null;
    case "small":
      return { kind: "small", threshold: figure.threshold };
    case "hidden":
      return { kind: "hidden" };
    case "tooFew":
      return { kind: "tooFew", threshold: figure.threshold };
  }
}

/** The value of a figure, or null when it is not shown. */
export function figureValue(figure: ShownFigure): number | null {
  return figure.kind === "count" || figure.kind === "value" ? figure.value : null;
}

/** The short mark drawn in place of the figure: "<5", "x" or "*". */
export function markSymbol(mark: FigureMark): string {
  switch (mark.kind) {
    case "small":
      return `<${mark.threshold}`;
    case "hidden":
      return "x";
    case "tooFew":
      return "*";
  }
}

function markKey(mark: FigureMark): string {
  return mark.kind === "hidden" ? mark.kind : `${mark.kind}:${mark.threshold}`;
}

/** Each distinct mark among the figures, in the order they first occur: what a legend must explain. */
export function marksIn(figures: Iterable<ShownFigure>): FigureMark[] {
  const seen = new Map<string, FigureMark>();
  for (const figure of figures) {
    const mark = figureMark(figure);
    if (mark && !seen.has(markKey(mark))) seen.set(markKey(mark), mark);
  }
  return [...seen.values()];
}
