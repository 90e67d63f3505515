import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, type Locale } from "./locales";

async function loadMessages(locale: Locale) {
  // One catalog file per part of the product, so that each part's texts stay together.
  const parts = await Promise.all(
    catalogParts.map((part) => import(`./messages/${locale}/${part}.json`) as Promise<{ default: object }>),
  );
  return Object.assign({}, ...parts.map((p) => p.default)) as Record<string, unknown>;
}

const catalogParts = [
  "common",
  "family",
  "staff",
  "admin",
  "documents",
  "invitations",
  "directory",
  "deadlines",
  "triage",
  "queue",
  "notifications",
  "decisions",
  "monitoring",
  "expertteam",
  "retention",
  "security",
  "coverage-notice",
  "coverage",
  "reference",
  "staffadmin",
  "charts",
  "figures",
  "reports",
  "demo",
  "organisations",
  "organisation-task",
] as const;

/** The catalogs do not change while the server runs: each locale's is merged once, not per request. */
const catalogs = new Map<Locale, Promise<Record<string, unknown>>>();

function catalogOf(locale: Locale): Promise<Record<string, unknown>> {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = loadMessages(locale);
    catalogs.set(locale, catalog);
  }
  return catalog;
}

/** Dutch, unless the person chose English with the language switch (a cookie). */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get("locale")?.value;
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  return { locale, timeZone: "Europe/Amsterdam", messages: await catalogOf(locale) };
});
