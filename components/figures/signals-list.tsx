import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { causes, labelOf, organisationKinds } from "@/lib/domain/causes";
import { quarterLabel, type QuarterKey } from "@/lib/domain/lead-times";
import type { Locale } from "@/lib/i18n/locales";
import type { RegionSignals, ShownSignal } from "@/lib/server/statistics/signals";

const statusClass: Record<ShownSignal["status"], string> = {
  OPEN: "bg-amber-100 text-amber-950 border-amber-700",
  RAISED_REGIONAL: "bg-teal-50 text-teal-950 border-teal-800",
  PASSED_NATIONAL: "bg-slate-100 text-slate-950 border-slate-700",
};

/**
 * The structural signals of a region (decision 030): per quarter, the causes
 * and kinds of organisation that blocked at least the threshold of cases, and
 * what the region did with each. Shown on the region's monitoring page and on
 * those of its gemeenten.
 */
export async function SignalsList({ data, threshold, regionName }: { data: RegionSignals; threshold: number; regionName: string | null }) {
  const t = await getTranslations("figures.signals");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const quarters = [...new Set(data.signals.map((s) => s.quarter))];
  const what = (s: ShownSignal) => labelOf(s.dimension === "CAUSE" ? causes : organisationKinds, s.key, locale);
  return (
    <section aria-labelledby="signalen-title" id="signalen" className="space-y-4">
      <h2 id="signalen-title" className="text-2xl font-bold">
        {regionName ? t("titleOf", { region: regionName }) : t("title")}
      </h2>
      <p>{t("intro", { threshold })}</p>
      {data.mayMark && <p>{t("introMark")}</p>}
      {quarters.length === 0 ? (
        <p role="status">{t("none")}</p>
      ) : (
        quarters.map((quarter, index) => {
          const rows = data.signals.filter((s) => s.quarter === quarter);
          const id = `signalen-${quarter}`;
          const table = (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={id}>
              <table className="w-full border-collapse text-left">
                <caption id={id} className="mb-2 text-left text-xl font-bold">
                  {quarterLabel(quarter as QuarterKey, locale)}
                </caption>
                <thead>
                  <tr className="border-b-2 border-slate-700">
                    <th scope="col" className="py-2 pr-4">{t("what")}</th>
                    <th scope="col" className="py-2 pr-4 text-right">{t("cases")}</th>
                    <th scope="col" className="py-2 pr-4">{t("status")}</th>
                    <th scope="col" className="py-2 pr-4">{t("done")}</th>
                    {data.mayMark && (
                      <th scope="col" className="py-2">
                        <span className="sr-only">{t("action")}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id} className="border-b border-slate-300 align-top">
                      <th scope="row" className="py-2 pr-4 font-normal">
                        <span className="block text-sm text-slate-700">{t(`dimension.${s.dimension}`)}</span>
                        <span className="font-semibold">{what(s)}</span>
                      </th>
                      <td className="py-2 pr-4 text-right tabular-nums">{format.number(s.cases)}</td>
                      <td className="py-2 pr-4">
                        <span className={`inline-block rounded border-l-4 px-2 py-0.5 text-sm font-semibold ${statusClass[s.status]}`}>
                          {t(`statuses.${s.status}`)}
                        </span>
                      </td>
                      <td className="py-2 pr-4">
                        {s.note ? (
                          <>
                            <p className="whitespace-pre-line">{s.note}</p>
                            <p className="mt-1 text-sm text-slate-700">
                              {t("doneOn", {
                                date: s.actedOn ? format.dateTime(new Date(`${s.actedOn}T12:00:00Z`), { dateStyle: "long" }) : "—",
                                name: s.markedByName ?? "—",
                              })}
                            </p>
                          </>
                        ) : (
                          <span className="text-slate-700">{t("nothingYet")}</span>
                        )}
                      </td>
                      {data.mayMark && (
                        <td className="py-2">
                          <Link href={`/monitoring/signalen/${s.id}`} className="font-semibold">
                            {t("mark")}
                            <span className="sr-only"> {t("markFor", { what: what(s), quarter: quarterLabel(quarter as QuarterKey, locale) })}</span>
                          </Link>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
          // The newest quarter is what the region acts on now; earlier ones fold
          // away, their summary saying how many still wait to be recorded.
          if (index === 0) return <div key={quarter}>{table}</div>;
          const open = rows.filter((s) => s.status === "OPEN").length;
          return (
            <details key={quarter} className="rounded border border-slate-300 bg-white">
              <summary className="cursor-pointer px-3 py-2 font-semibold">
                {t("earlierQuarter", { quarter: quarterLabel(quarter as QuarterKey, locale), count: rows.length, open })}
              </summary>
              <div className="px-3 pb-3">{table}</div>
            </details>
          );
        })
      )}
    </section>
  );
}
