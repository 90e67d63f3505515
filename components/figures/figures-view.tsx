import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CategoryBarChart, ComparisonChart, PeriodChart, StepBarChart } from "@/components/charts";
import { FigureTable } from "@/components/charts/chart-kit";
import { caseOutcomes, causes, labelOf, organisationKinds } from "@/lib/domain/causes";
import { comparisonLevels, leadTimeMeasures, type Comparison, type CountTable, type FigureSet } from "@/lib/domain/figure-set";
import { comparedLevels, type FigureTableKey } from "@/lib/domain/figure-tables";
import { quarterLabel } from "@/lib/domain/lead-times";
import type { Locale } from "@/lib/i18n/locales";
import type { FigurePart } from "./figure-parts";

/**
 * Every figure of one published set, as charts with their tables and CSV
 * links: the monitoring pages and the open figures show the same view. What
 * it receives has passed disclosure control; it adds nothing of its own.
 */
export async function FiguresView({
  set,
  scopeName,
  regionName,
  csvHref,
  part,
}: {
  set: FigureSet;
  /** The one part of the figures to show (components/figures/figure-parts.tsx) */
  part: FigurePart;
  /** The scope's own name: the gemeente, the region, or Nederland */
  scopeName: string;
  regionName: string | null;
  /** The CSV link of one table of this set */
  csvHref: (table: FigureTableKey) => string;
}) {
  const t = await getTranslations("figures");
  const tStatus = await getTranslations("status");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const periods = set.quarters.map((q) => quarterLabel(q, locale, "short"));
  const levelNames: Record<(typeof comparisonLevels)[number], string> = {
    scope: scopeName,
    region: regionName ?? t("region"),
    country: t("country"),
  };
  const compared = comparedLevels(set);
  const comparisonValues = (c: Comparison) => compared.map((level) => c[level]);
  const series = compared.map((level) => levelNames[level]);
  // The open figures of a region come without its gemeenten (readOpenFigures): only the country's regions are listed there.
  const sideBySide = set.level !== "gemeente" && set.filed.rows.length > 0;
  const unitHeader = set.level === "country" ? t("unit.region") : t("unit.gemeente");
  const unitName = (key: string) => set.unitNames[key] || t("unit.none");

  const unitTable = (table: CountTable, title: string, key: FigureTableKey) => (
    <section aria-labelledby={`${key}-title`} className="space-y-2">
      <h3 id={`${key}-title`} className="text-xl font-bold">
        {title}
      </h3>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={`${key}-title`}>
        <FigureTable
          caption={title}
          rowHeader={unitHeader}
          columns={[...periods, t("total")]}
          rows={[
            ...table.rows.map((row) => ({ label: unitName(row.key), cells: [...row.cells, row.total] })),
            { label: scopeName, cells: [...table.totals.cells, table.totals.total] },
          ]}
          format="count"
        />
      </div>
      <p>
        <a href={csvHref(key)} className="font-semibold">
          {t("csv", { table: title })}
        </a>
      </p>
    </section>
  );

  const perCategory = (table: CountTable, list: typeof causes | typeof organisationKinds) =>
    table.rows
      .map((row) => ({ label: labelOf(list, row.key, locale), value: row.total }))
      .sort((a, b) => (b.value.kind === "count" ? b.value.value : 0) - (a.value.kind === "count" ? a.value.value : 0));

  return (
    <div className="space-y-10">
      <p className="text-slate-800">
        {t("computedAt", { at: format.dateTime(new Date(set.computedAt), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }) })}{" "}
        {t("threshold", { threshold: set.threshold })}
      </p>

      {part === "meldingen" && (
        <section aria-labelledby="cases-title" className="space-y-6">
          <h2 id="cases-title" className="text-2xl font-bold">
            {t("cases.title")}
          </h2>
          <PeriodChart
            title={t("cases.chart", { scope: scopeName, year: set.year })}
            format="count"
            axisLabel={t("axis.cases")}
            periodHeader={t("quarter")}
            periods={periods}
            series={[
              { label: t("cases.filed"), values: set.filed.totals.cells },
              { label: t("cases.closed"), values: set.closed.totals.cells },
            ]}
            csvHref={csvHref("cases")}
          />
          {set.openByStep && (
            <StepBarChart
              title={t("open.title", { scope: scopeName })}
              stepHeader={t("open.step")}
              parts={[t("open.cases")]}
              steps={set.openByStep.items.map((item) => ({ label: tStatus(item.key), values: [item.count] }))}
              csvHref={csvHref("open")}
            />
          )}
          <p>
            {t("transferred", {
              value:
                set.transferred.total.kind === "count"
                  ? String(set.transferred.total.value)
                  : set.transferred.total.kind === "small"
                    ? t("lessThan", { threshold: set.threshold })
                    : t("notShown"),
            })}
          </p>
        </section>
      )}

      {part === "naastelkaar" && sideBySide && (
        <section aria-labelledby="side-title" className="space-y-6">
          <h2 id="side-title" className="text-2xl font-bold">
            {t("cases.sideBySide", { unit: unitHeader.toLowerCase() })}
          </h2>
          {unitTable(set.filed, t("cases.filedBy", { unit: unitHeader.toLowerCase() }), "filed")}
          {unitTable(set.closed, t("cases.closedBy", { unit: unitHeader.toLowerCase() }), "closed")}
        </section>
      )}

      {part === "doorlooptijden" && (
        <section aria-labelledby="lead-title" className="space-y-6">
          <h2 id="lead-title" className="text-2xl font-bold">
            {t("lead.title")}
          </h2>
          <p className="max-w-prose">{t("lead.intro")}</p>
          {(["median", "p90"] as const).map((statistic) => (
            <ComparisonChart
              key={statistic}
              title={t(`lead.${statistic}`)}
              format="workingDays"
              groupHeader={t("lead.measure")}
              series={series}
              groups={leadTimeMeasures.map((m) => ({ label: t(`lead.measures.${m}`), values: comparisonValues(set.leadTimes[m][statistic]) }))}
              csvHref={csvHref("leadTimes")}
            />
          ))}
          <ComparisonChart
            title={t("lead.shares")}
            format="percent"
            groupHeader={t("lead.share")}
            series={series}
            groups={[
              { label: t("lead.withinNorms"), values: comparisonValues(set.withinNorms) },
              { label: t("lead.decisionsOnTime"), values: comparisonValues(set.decisionsOnTime) },
            ]}
            csvHref={csvHref("shares")}
          />
        </section>
      )}

      {part === "thuiszitters" && (
        <section aria-labelledby="school-title" className="space-y-6">
          <h2 id="school-title" className="text-2xl font-bold">
            {t("school.title")}
          </h2>
          <p className="max-w-prose">{t("school.intro")}</p>
          <PeriodChart
            title={t("school.chart", { scope: scopeName, year: set.year })}
            format="count"
            axisLabel={t("axis.cases")}
            periodHeader={t("quarter")}
            periods={periods}
            series={[{ label: t("school.thuiszitters"), values: set.thuiszitters.totals.cells }]}
            csvHref={csvHref("thuiszitters")}
          />
          <ComparisonChart
            title={t("school.days")}
            format="workingDays"
            groupHeader={t("school.moment")}
            series={series}
            groups={[
              { label: t("school.atFiling"), values: comparisonValues(set.daysOutOfSchool.atFiling) },
              { label: t("school.atHelpStart"), values: comparisonValues(set.daysOutOfSchool.atHelpStart) },
            ]}
            csvHref={csvHref("daysOutOfSchool")}
          />
        </section>
      )}

      {part === "oorzaken" && (
        <section aria-labelledby="causes-title" className="space-y-6">
          <h2 id="causes-title" className="text-2xl font-bold">
            {t("causes.title")}
          </h2>
          <p className="max-w-prose">{t("causes.intro")}</p>
          <CategoryBarChart
            title={t("causes.chart", { scope: scopeName, year: set.year })}
            categoryHeader={t("causes.cause")}
            valueHeader={t("causes.mentions")}
            items={perCategory(set.causes, causes)}
            csvHref={csvHref("causes")}
          />
          <CategoryBarChart
            title={t("organisations.chart", { scope: scopeName, year: set.year })}
            categoryHeader={t("organisations.kind")}
            valueHeader={t("causes.mentions")}
            items={perCategory(set.organisationKinds, organisationKinds)}
            csvHref={csvHref("organisations")}
          />
          <CategoryBarChart
            title={t("outcomes.chart", { scope: scopeName, year: set.year })}
            categoryHeader={t("outcomes.outcome")}
            valueHeader={t("outcomes.cases")}
            items={set.outcomes.items
              .filter((item) => item.key !== "UNKNOWN" || item.count.kind !== "count" || item.count.value > 0)
              .map((item) => ({ label: item.key === "UNKNOWN" ? t("outcomes.unknown") : labelOf(caseOutcomes, item.key, locale), value: item.count }))}
            csvHref={csvHref("outcomes")}
          />
        </section>
      )}
    </div>
  );
}
