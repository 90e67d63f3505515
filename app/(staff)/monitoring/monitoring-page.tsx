import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FiguresView } from "@/components/figures/figures-view";
import { PartNav, partParam, partsOf, type PagePart } from "@/components/figures/figure-parts";
import { SignalsList } from "@/components/figures/signals-list";
import { QuarterlyReports } from "@/components/figures/quarterly-reports";
import { YearChoice, yearParam } from "@/components/figures/year-choice";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listFigureScopes, readMonitoringFigures, resolveFigureScope } from "@/lib/server/statistics/read-figure-sets";
import { listQuarterlyReports } from "@/lib/server/statistics/read-quarterly-reports";
import { NotFoundError } from "@/lib/server/errors";
import { readSignals } from "@/lib/server/statistics/signals";
import { signalThreshold } from "@/lib/server/statistics/statistics-policy";

export type MonitoringSearchParams = Promise<{ jaar?: string | string[]; deel?: string | string[] }>;

/** The monitoring page of one scope: the gemeente's, the region's or the country's figures. */
export async function MonitoringPage({ level, code, searchParams }: { level: "gemeente" | "regio" | "nederland"; code: string | null; searchParams: MonitoringSearchParams }) {
  const path = code ? `/monitoring/${level}/${encodeURIComponent(code)}` : `/monitoring/${level}`;
  const actor = await requirePermission("statistics.read", path);
  const ref = await resolveFigureScope(level, code);
  if (!ref) notFound();
  const query = await searchParams;
  const year = yearParam(query.jaar);
  // A gemeente's and a region's pages have the region's structural signals as a part of their own.
  const figures = partsOf(ref.level !== "gemeente");
  const parts: readonly PagePart[] = ref.level === "country" ? figures : [...figures, "signalen"];
  const part = partParam(query.deel, parts);
  let published;
  let reports;
  try {
    published = await readMonitoringFigures(actor, ref, year);
    // The country has no quarterly reports: its page leaves the section out. They are listed with the cases.
    reports = ref.level === "country" || part !== "meldingen" ? null : await listQuarterlyReports(actor, ref);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const t = await getTranslations("figures");
  const [scopes, signals, threshold] = await Promise.all([
    listFigureScopes(actor),
    part === "signalen" ? readSignals(actor, ref) : null,
    part === "signalen" ? signalThreshold() : 0,
  ]);
  const scopeName = published.heading.ref.level === "country" ? t("country") : published.heading.name;
  const csvHref = (table: string) =>
    `/monitoring/csv?${new URLSearchParams({ niveau: level, ...(code ? { code } : {}), jaar: String(published.year), tabel: table })}`;
  return (
    <div className="space-y-8">
      <PageHeader title={t("monitoringTitle", { scope: scopeName })} intro={t("monitoringIntro")} />
      {scopes.length > 1 && (
        <nav aria-label={t("chooseScope")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {scopes.map((s) => (
              <li key={s.path}>
                <Link href={s.path} aria-current={s.path === path ? "page" : undefined} className="font-semibold">
                  {s.ref.level === "country" ? t("country") : s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <PartNav path={path} parts={parts} part={part} year={published.year} unit={ref.level === "country" ? "regio" : "gemeente"} />
      {part === "signalen" ? (
        signals && <SignalsList data={signals} threshold={threshold} regionName={published.heading.regionName} />
      ) : (
        <>
          {part === "meldingen" && reports && (
            <QuarterlyReports
              reports={reports}
              href={(quarter, form) => `/monitoring/rapport?${new URLSearchParams({ niveau: level, ...(code ? { code } : {}), kwartaal: quarter, vorm: form })}`}
            />
          )}
          <YearChoice action={path} years={published.years} year={published.year} part={part} />
          {published.set ? (
            <FiguresView set={published.set} part={part} scopeName={scopeName} regionName={published.heading.regionName} csvHref={csvHref} />
          ) : (
            <p role="status">{t("notYet", { year: published.year })}</p>
          )}
        </>
      )}
    </div>
  );
}
