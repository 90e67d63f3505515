import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { CategoryBarChart, ComparisonChart, PeriodChart, StepBarChart } from "@/components/charts";
import type { ShownCount, ShownStatistic } from "@/lib/domain/figures";
import type { Locale } from "@/lib/i18n/locales";

function messages(locale: Locale): Record<string, unknown> {
  const file = path.join(process.cwd(), "lib", "i18n", "messages", locale, "charts.json");
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

function render(chart: ReactElement, locale: Locale = "nl"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages(locale)} timeZone="Europe/Amsterdam">
      {chart}
    </NextIntlClientProvider>,
  );
}

const count = (value: number): ShownCount => ({ kind: "count", value });
const small: ShownCount = { kind: "small", threshold: 5 };
const hidden: ShownCount = { kind: "hidden" };
const stat = (value: number, cases = 20): ShownStatistic => ({ kind: "value", value, cases });
const tooFew: ShownStatistic = { kind: "tooFew", threshold: 5 };

function svgOf(markup: string): string {
  const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(markup);
  expect(svg, "the chart's svg").not.toBeNull();
  return svg![0];
}

function tableOf(markup: string): string {
  const table = /<table[\s\S]*<\/table>/.exec(markup);
  expect(table, "the chart's table").not.toBeNull();
  return table![0];
}

/** The text a reader sees or hears, with the markup left out. */
function textsOf(markup: string): string[] {
  return [...markup.matchAll(/>([^<]+)</g)].map((m) => m[1]!);
}

function attributesOf(markup: string): string[] {
  return [...markup.matchAll(/ [a-zA-Z-]+="([^"]*)"/g)].map((m) => m[1]!);
}

/** Checks the accessible name of the drawing: a title and a description that the svg points to. */
function expectNamedDrawing(markup: string, title: string): string {
  const svg = svgOf(markup);
  const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(" ") ?? [];
  expect(labelledBy).toHaveLength(2);
  const [titleId, descId] = labelledBy;
  expect(svg).toContain(`<title id="${titleId}">${title}</title>`);
  const desc = new RegExp(`<desc id="${descId}">([^<]+)</desc>`).exec(svg);
  expect(desc?.[1]?.trim().length ?? 0).toBeGreaterThan(10);
  expect(svg).toMatch(/viewBox="0 0 640 \d+(\.\d+)?"/);
  expect(markup).toMatch(/^<figure[\s\S]*<figcaption[^>]*>[^<]+<\/figcaption>/);
  return desc![1]!;
}

function barWidths(svg: string): number[] {
  return [...svg.matchAll(/<rect data-bar="\d+"[^>]*? width="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe("CategoryBarChart", () => {
  const items = [
    { label: "Wachtlijst of geen plek", value: count(42) },
    { label: "Niemand heeft de regie", value: count(18) },
    { label: "Woonplaatsbeginsel", value: small },
    { label: "Maatwerk geweigerd", value: hidden },
    { label: "Wet- of domeingrens", value: count(0) },
  ];
  const chart = <CategoryBarChart title="Waarom meldingen vastliepen" categoryHeader="Oorzaak" valueHeader="Aantal meldingen" items={items} csvHref="/cijfers/oorzaken.csv" />;

  it("names the drawing with a title and a summary of the largest value and the suppressed ones", () => {
    const markup = render(chart);
    const desc = expectNamedDrawing(markup, "Waarom meldingen vastliepen");
    expect(desc).toContain("Wachtlijst of geen plek, 42");
    expect(desc).toContain("2 cijfers zijn niet precies getoond");
  });

  it("draws a bar only for a value that is shown and above zero, and a mark where a value is not shown", () => {
    const svg = svgOf(render(chart));
    const widths = barWidths(svg);
    expect(widths).toHaveLength(2);
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(widths[0]!).toBeGreaterThan(widths[1]!);
    expect(svg).toMatch(/data-mark="small"[^>]*>&lt;5</);
    expect(svg).toMatch(/data-mark="hidden"[^>]*>x</);
    // A true zero is written as 0, without a bar.
    expect(textsOf(svg)).toContain("0");
  });

  it("explains each mark that occurs under the chart", () => {
    const markup = render(chart);
    expect(markup).toContain('data-legend-mark="small"');
    expect(markup).toContain('data-legend-mark="hidden"');
    expect(markup).not.toContain('data-legend-mark="tooFew"');
    expect(markup).toContain("&lt;5 betekent: minder dan 5.");
  });

  it("puts every value in a table with row and column headers, in a details element, with the CSV link", () => {
    const markup = render(chart);
    const table = tableOf(markup);
    expect(table).toContain("<caption");
    expect(table).toContain('<th scope="col" class="p-2">Oorzaak</th>');
    for (const [label, value] of [
      ["Wachtlijst of geen plek", "42"],
      ["Niemand heeft de regie", "18"],
      ["Woonplaatsbeginsel", "minder dan 5"],
      ["Maatwerk geweigerd", "niet getoond"],
      ["Wet- of domeingrens", "0"],
    ]) {
      expect(table).toMatch(new RegExp(`<th scope="row"[^>]*>${label}</th><td[^>]*>${value}</td>`));
    }
    expect(markup).toMatch(/<details[^>]*><summary[^>]*>Bekijk de cijfers als tabel<\/summary>/);
    expect(markup).toContain('<a href="/cijfers/oorzaken.csv" download=""');
  });

  it("shows the table without folding it away when asked, and no CSV link without an address", () => {
    const markup = render(<CategoryBarChart title="Uitkomsten" categoryHeader="Uitkomst" valueHeader="Aantal" items={[{ label: "Opgelost", value: count(7) }]} table="visible" />);
    expect(markup).not.toContain("<details");
    expect(markup).toContain("<table");
    expect(markup).not.toContain("download");
  });

  it("writes the fixed words in English for an English reader", () => {
    const markup = render(chart, "en");
    expect(tableOf(markup)).toContain("fewer than 5");
    expect(markup).toContain("Show the figures as a table");
  });
});

describe("StepBarChart", () => {
  const chart = (
    <StepBarChart
      title="Open meldingen per stap"
      stepHeader="Stap"
      parts={["Binnen de termijn", "Over de termijn"]}
      steps={[
        { label: "Eerste contact", values: [count(30), count(10)] },
        { label: "Doorverwezen", values: [count(12), small] },
        { label: "Besluit", values: [hidden, count(6)] },
      ]}
    />
  );

  it("stacks only the parts that are shown, and marks the others beside the bar", () => {
    const svg = svgOf(render(chart));
    const widths = barWidths(svg);
    expect(widths).toHaveLength(4);
    // The first row's two parts together are as long as 40; the second row's bar is only its shown 12.
    const [first, second, third, fourth] = widths as [number, number, number, number];
    expect(third / (first + second)).toBeCloseTo(12 / 40, 5);
    expect(fourth / (first + second)).toBeCloseTo(6 / 40, 5);
    expect(svg.match(/data-mark="small"/g)).toHaveLength(1);
    expect(svg.match(/data-mark="hidden"/g)).toHaveLength(1);
  });

  it("tells the parts apart by pattern as well as colour, in the drawing and the legend", () => {
    const markup = render(chart);
    expect(markup).toMatch(/<pattern id="[^"]+-series-1"/);
    expect(markup).toMatch(/fill="url\(#[^)]+-series-1\)"/);
    expect(markup).toMatch(/<ul aria-label="Legenda"[\s\S]*Binnen de termijn[\s\S]*Over de termijn/);
  });

  it("holds every part of every step in the table", () => {
    const table = tableOf(render(chart));
    expect(table).toMatch(/Doorverwezen<\/th><td[^>]*>12<\/td><td[^>]*>minder dan 5<\/td>/);
    expect(table).toMatch(/Besluit<\/th><td[^>]*>niet getoond<\/td><td[^>]*>6<\/td>/);
  });
});

describe("ComparisonChart", () => {
  const share = (
    <ComparisonChart
      title="Deel binnen de norm"
      format="percent"
      groupHeader="Stap"
      series={["Deze gemeente", "De regio", "Nederland"]}
      groups={[
        { label: "Eerste contact", values: [stat(0.42), stat(0.38), stat(0.51)] },
        { label: "Besluit", values: [tooFew, stat(0.6), stat(0.55)] },
      ]}
    />
  );

  it("labels every bar with its series and value, and writes shares as percentages", () => {
    const markup = render(share);
    const svg = svgOf(markup);
    expect(svg.match(/>Deze gemeente</g)).toHaveLength(2);
    expect(textsOf(svg)).toContain("42%");
    expect(barWidths(svg)).toHaveLength(5);
    expect(svg).toMatch(/data-mark="tooFew"[^>]*>\*</);
    expect(markup).toContain('data-legend-mark="tooFew"');
    const desc = expectNamedDrawing(markup, "Deel binnen de norm");
    expect(desc).toContain("Besluit: Deze gemeente te weinig meldingen; De regio 60%; Nederland 55%.");
  });

  it("writes lead times in working days, with a decimal comma in Dutch", () => {
    const markup = render(
      <ComparisonChart
        title="Doorlooptijd tot besluit (mediaan)"
        format="workingDays"
        groupHeader="Stap"
        series={["Deze gemeente", "Nederland"]}
        groups={[{ label: "Tot besluit", values: [stat(12.5), stat(1)] }]}
      />,
    );
    const table = tableOf(markup);
    expect(table).toContain("12,5 werkdagen");
    expect(table).toContain("1 werkdag<");
  });
});

describe("PeriodChart", () => {
  const periods = ["2025 K1", "2025 K2", "2025 K3", "2025 K4"];
  const chart = (
    <PeriodChart
      title="Meldingen per kwartaal"
      format="count"
      axisLabel="Aantal meldingen"
      periodHeader="Kwartaal"
      periods={periods}
      series={[
        { label: "Ingediend", values: [count(20), small, count(26), count(31)] },
        { label: "Afgesloten", values: [count(12), count(15), hidden, count(22)] },
      ]}
    />
  );

  it("breaks a line where a figure is not shown, and marks the gap under the axis", () => {
    const svg = svgOf(render(chart));
    const paths = [...svg.matchAll(/<g data-series="(\d)"><path d="([^"]+)"/g)].map((m) => m[2]!);
    expect(paths).toHaveLength(2);
    // Two pieces each: the line starts again after the gap instead of dropping to zero.
    for (const d of paths) expect(d.match(/M/g)).toHaveLength(2);
    expect(svg.match(/data-mark="small"/g)).toHaveLength(1);
    expect(svg.match(/data-mark="hidden"/g)).toHaveLength(1);
  });

  it("names each line at its end, and summarises each series from its first to its last shown value", () => {
    const markup = render(chart);
    const desc = expectNamedDrawing(markup, "Meldingen per kwartaal");
    expect(desc).toContain("Ingediend: 20 in 2025 K1, 31 in 2025 K4.");
    expect(textsOf(svgOf(markup))).toEqual(expect.arrayContaining(["Ingediend", "Afgesloten"]));
  });

  it("holds every period of every series in the table", () => {
    const table = tableOf(render(chart));
    expect(table).toMatch(/2025 K2<\/th><td[^>]*>minder dan 5<\/td><td[^>]*>15<\/td>/);
    expect(table).toMatch(/2025 K3<\/th><td[^>]*>26<\/td><td[^>]*>niet getoond<\/td>/);
  });

  it("draws shares on a percentage axis", () => {
    const markup = render(
      <PeriodChart
        title="Besluiten op tijd uitgevoerd"
        format="percent"
        axisLabel="Deel op tijd"
        periodHeader="Kwartaal"
        periods={periods}
        series={[{ label: "Regio", values: [stat(0.5), tooFew, stat(0.7), stat(0.8)] }]}
      />,
    );
    expect(textsOf(svgOf(markup))).toEqual(expect.arrayContaining(["0%", "80%"]));
    expect(tableOf(markup)).toContain("te weinig meldingen");
  });
});

describe("a small count never reaches the markup", () => {
  // A careless caller that spreads a raw row into the figure: the charts must write only the mark.
  const leaky = { kind: "small", threshold: 10, value: 7 } as ShownCount;
  const charts = {
    category: <CategoryBarChart title="Oorzaken" categoryHeader="Oorzaak" valueHeader="Aantal" items={[{ label: "Wachtlijst", value: count(40) }, { label: "Regie", value: leaky }]} />,
    step: <StepBarChart title="Open" stepHeader="Stap" parts={["Open"]} steps={[{ label: "Besluit", values: [leaky] }, { label: "Hulp", values: [count(12)] }]} />,
    period: <PeriodChart title="Per kwartaal" format="count" axisLabel="Aantal" periodHeader="Kwartaal" periods={["K1", "K2"]} series={[{ label: "Ingediend", values: [count(30), leaky] }]} />,
  };

  for (const [name, chart] of Object.entries(charts)) {
    it(`in the ${name} chart`, () => {
      const markup = render(chart);
      expect(textsOf(markup).filter((t) => t.includes("7"))).toEqual([]);
      expect(attributesOf(markup)).not.toContain("7");
      expect(markup).toContain("minder dan 10");
    });
  }
});
