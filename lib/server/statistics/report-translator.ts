import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { Translate } from "@/lib/domain/quarterly-report";
import type { Locale } from "@/lib/i18n/locales";
import enCharts from "@/lib/i18n/messages/en/charts.json";
import enCommon from "@/lib/i18n/messages/en/common.json";
import enFigures from "@/lib/i18n/messages/en/figures.json";
import enReports from "@/lib/i18n/messages/en/reports.json";
import nlCharts from "@/lib/i18n/messages/nl/charts.json";
import nlCommon from "@/lib/i18n/messages/nl/common.json";
import nlFigures from "@/lib/i18n/messages/nl/figures.json";
import nlReports from "@/lib/i18n/messages/nl/reports.json";

/**
 * The words of a quarterly report, read from the portal's own catalogs so that
 * the report says what the monitoring page says. The statistics job has no
 * request to take a language from, so it asks for one.
 */
const catalogs: Record<Locale, AbstractIntlMessages> = {
  nl: { ...nlFigures, ...nlCharts, ...nlReports, status: nlCommon.status },
  en: { ...enFigures, ...enCharts, ...enReports, status: enCommon.status },
};

export function reportTranslator(locale: Locale): Translate {
  return createTranslator({ locale, messages: catalogs[locale], timeZone: "Europe/Amsterdam" }) as unknown as Translate;
}
