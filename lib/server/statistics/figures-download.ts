import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { caseOutcomes, causes, labelOf, organisationKinds } from "@/lib/domain/causes";
import type { FigureSet } from "@/lib/domain/figure-set";
import { figureTable, type FigureTableKey } from "@/lib/domain/figure-tables";
import { quarterLabel } from "@/lib/domain/lead-times";
import type { Locale } from "@/lib/i18n/locales";
import { figuresCsv, figuresCsvFileName, figuresCsvResponse } from "@/lib/server/figures-csv";

/**
 * One table of a published set as a CSV download, in the reader's language,
 * with the same marks as the page. Null when the set has no such table (the
 * open figures list no gemeenten side by side).
 */
export async function figureSetCsv(set: FigureSet, key: FigureTableKey, scopeName: string, publicView: boolean): Promise<Response | null> {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("figures");
  const tStatus = await getTranslations("status");
  const tCharts = await getTranslations("charts");
  const table = figureTable(
    set,
    key,
    {
      quarter: (q) => quarterLabel(q, locale, "short"),
      total: t("total"),
      scope: scopeName,
      level: (level) => (level === "scope" ? scopeName : level === "region" ? t("region") : t("country")),
      unit: (id) => set.unitNames[id] || t("unit.none"),
      unitHeader: set.level === "country" ? t("unit.region") : t("unit.gemeente"),
      step: (step) => tStatus(step),
      cause: (k) => labelOf(causes, k, locale),
      organisation: (k) => labelOf(organisationKinds, k, locale),
      outcome: (k) => (k === "UNKNOWN" ? t("outcomes.unknown") : labelOf(caseOutcomes, k, locale)),
      measure: (m) =>
        m === "withinNorms" || m === "decisionsOnTime" ? t(`lead.${m}`) : m === "atFiling" || m === "atHelpStart" ? t(`school.${m}`) : t(`lead.measures.${m}`),
      header: (h) => t(`csvHeader.${h}`),
    },
    publicView,
  );
  if (!table) return null;
  const csv = figuresCsv({
    ...table,
    note: (mark, symbol) => tCharts(`csvNote.${mark.kind}`, { mark: symbol, threshold: "threshold" in mark ? mark.threshold : set.threshold }),
  });
  return figuresCsvResponse(csv, figuresCsvFileName(t(`csvName.${key}`), scopeName, String(set.year)));
}
