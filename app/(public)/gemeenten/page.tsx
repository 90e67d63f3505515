import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { PageHeader } from "@/components/page-header";
import { displayName } from "@/lib/domain/gemeente-name";
import { searchGemeenten } from "@/lib/server/reference/directory";
import { listRoutes } from "@/lib/server/coverage/routes";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

async function queryOf(searchParams: Props["searchParams"]): Promise<string> {
  const { q } = await searchParams;
  return (Array.isArray(q) ? (q[0] ?? "") : (q ?? "")).trim().slice(0, 100);
}

/** One search per request, shared by the title and the page. */
const search = cache(searchGemeenten);

/** The number of results is in the title, so a screen reader announces it after each search. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("directory");
  const query = await queryOf(searchParams);
  if (!query) return { title: t("title") };
  return { title: t("resultsMetaTitle", { count: (await search(query)).length, query }) };
}

export default async function DirectoryPage({ searchParams }: Props) {
  const t = await getTranslations("directory");
  const tReference = await getTranslations("reference.directory");
  const query = await queryOf(searchParams);
  const results = query ? await search(query) : [];
  const routes = results.length > 0 ? (await listRoutes()).routes : {};
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Form action="/gemeenten" role="search" className="max-w-xl">
        <label htmlFor="q" className="block font-semibold">
          {t("searchLabel")}
        </label>
        <p id="q-hint" className="text-sm text-slate-700">
          {t("searchHint")}
        </p>
        <div className="mt-1 flex flex-wrap gap-3">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            aria-describedby="q-hint"
            className="block min-w-0 flex-1 rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400"
          />
          <button
            type="submit"
            className="rounded bg-teal-800 px-5 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-4 focus:ring-amber-400"
          >
            {t("searchButton")}
          </button>
        </div>
      </Form>
      <section aria-labelledby={query ? "results-title" : undefined}>
        {query && (
          <h2 id="results-title" className="text-2xl font-bold">
            {t("resultsTitle")}
          </h2>
        )}
        {/* Always present, so that a changed count is announced after a search without a page load. */}
        <p role="status" className={query ? "mt-2 text-lg" : "sr-only"}>
          {query ? t("resultsCount", { count: results.length, query }) : ""}
        </p>
        {query && results.length === 0 && <p className="mt-2 max-w-prose">{t("noResultsHelp")}</p>}
        {results.length > 0 && (
          <ul className="mt-4 space-y-2">
            {results.map((g) => (
              <li key={g.cbsCode} className="text-lg">
                <Link href={`/gemeenten/${g.cbsCode}`} className="font-semibold">
                  {displayName(g)}
                </Link>
                {g.commonName && <span className="text-slate-700"> ({t("officialName", { name: g.name })})</span>}
                {routes[g.cbsCode] && routes[g.cbsCode]!.route !== "GEMEENTE" && <span className="text-slate-700"> · {t("notLive")}</span>}
                {g.formerName && <span className="text-slate-700"> ({tReference("formerName", { name: g.formerName })})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
