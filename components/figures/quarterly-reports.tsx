import { getFormatter, getTranslations } from "next-intl/server";
import type { QuarterKey } from "@/lib/domain/lead-times";

/**
 * The scope's quarterly reports on its monitoring page, newest first, each as
 * a PDF and a CSV download with its size.
 */
export async function QuarterlyReports({
  reports,
  href,
}: {
  reports: { quarter: QuarterKey; madeAt: Date; pdfSize: number; csvSize: number }[];
  href: (quarter: QuarterKey, form: "pdf" | "csv") => string;
}) {
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const size = (bytes: number) => t("page.size", { kilobytes: format.number(Math.max(1, Math.round(bytes / 1024))) });
  const quarterName = (key: QuarterKey) => {
    const [year, quarter] = key.split("-K");
    return t("quarterLong", { quarter: Number(quarter), year: year! });
  };
  return (
    <section aria-labelledby="reports-title" className="space-y-3">
      <h2 id="reports-title" className="text-2xl font-bold">
        {t("page.title")}
      </h2>
      <p className="max-w-prose">{t("page.intro")}</p>
      {reports.length === 0 ? (
        <p>{t("page.none")}</p>
      ) : (
        <ul className="space-y-2">
          {reports.map((report) => (
            <li key={report.quarter} className="flex flex-wrap items-baseline gap-x-5 gap-y-1">
              <span className="font-semibold">
                {quarterName(report.quarter)}{" "}
                <span className="font-normal text-slate-700">
                  ({t("page.madeAt", { date: format.dateTime(report.madeAt, { dateStyle: "long", timeZone: "Europe/Amsterdam" }) })})
                </span>
              </span>
              <a href={href(report.quarter, "pdf")} download className="font-semibold">
                {t("page.pdf", { quarter: quarterName(report.quarter), size: size(report.pdfSize) })}
              </a>
              <a href={href(report.quarter, "csv")} download className="font-semibold">
                {t("page.csv", { quarter: quarterName(report.quarter), size: size(report.csvSize) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
