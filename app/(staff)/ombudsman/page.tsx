import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Table } from "@/components/table";
import { requirePermission } from "@/lib/auth/session";
import { caseStatuses } from "@/lib/domain/case-machine";
import { canonicalHref, TEXT_FILTER_MAX_LENGTH, type RawSearchParams } from "@/lib/server/audit/filters";
import {
  caseSearchOptions,
  caseSearchParams,
  emptyCaseSearch,
  isFiltered,
  parseCaseSearch,
  searchCases,
  type CaseSearch,
  type CaseSearchResult,
} from "@/lib/server/cases/search-cases";
import { DomainError } from "@/lib/server/errors";
import { ErrorSummary, FilterInput, FilterSelect, submitClass } from "./filter-fields";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ombudsman"))("title") };
}

function href(search: CaseSearch): string {
  const query = caseSearchParams(search).toString();
  return query ? `/ombudsman?${query}` : "/ombudsman";
}

export default async function OmbudsmanPage({ searchParams }: Props) {
  const actor = await requirePermission("case.search", "/ombudsman");
  const params = await searchParams;
  const parsed = parseCaseSearch(params);
  // A submitted form carries its empty fields too: show the same search under its short, shareable URL.
  if (parsed.ok) {
    const canonical = canonicalHref(params, caseSearchParams(parsed.search), "/ombudsman");
    if (canonical) redirect(canonical);
  }

  let fieldErrors = parsed.ok ? {} : parsed.fieldErrors;
  let result: CaseSearchResult | null = null;
  if (parsed.ok) {
    try {
      result = await searchCases(actor, parsed.search);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "checkFields") throw error;
      fieldErrors = error.fieldErrors;
    }
  }
  const values: Record<string, string> = parsed.ok
    ? {
        q: parsed.search.q,
        gemeente: parsed.search.gemeente ?? "",
        region: parsed.search.region ?? "",
        status: parsed.search.status ?? "",
        from: parsed.search.from ?? "",
        to: parsed.search.to ?? "",
      }
    : parsed.values;

  const t = await getTranslations("ombudsman");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const options = await caseSearchOptions();
  const message = (field: string) => {
    const key = fieldErrors[field];
    if (!key) return undefined;
    return t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid");
  };
  const fieldIds: Record<string, string> = { q: "search-q", gemeente: "search-gemeente", region: "search-region", status: "search-status", from: "search-from", to: "search-to" };
  const errorList = Object.keys(fieldIds).flatMap((f) => (fieldErrors[f] ? [{ id: fieldIds[f]!, message: message(f)! }] : []));
  const filtered = result ? isFiltered(result.search) : true;
  const listTitle = filtered ? t("caption") : t("latest");

  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />

      <div className="mb-8 rounded border border-slate-300 bg-white p-4">
        <h2 id="search-heading" className="mb-3 text-lg font-bold">
          {t("filtersHeading")}
        </h2>
        <ErrorSummary title={t("errorsTitle")} errors={errorList} />
        {/* A plain GET form: it works without JavaScript, and the result is a URL that can be kept. */}
        <form method="get" action="/ombudsman" role="search" aria-labelledby="search-heading" noValidate>
          <div className="mb-4 max-w-xl">
            <FilterInput
              id={fieldIds.q!}
              name="q"
              type="search"
              label={t("search")}
              hint={t("searchHint")}
              value={values.q ?? ""}
              maxLength={TEXT_FILTER_MAX_LENGTH}
              error={message("q")}
            />
          </div>
          <div className="grid gap-4 md:grid-cols-3">
            <FilterSelect
              id={fieldIds.gemeente!}
              name="gemeente"
              label={t("gemeente")}
              anyLabel={t("gemeenteAny")}
              options={options.gemeenten.map((g) => ({ value: g.code, label: g.name }))}
              value={values.gemeente ?? ""}
              error={message("gemeente")}
            />
            <FilterSelect
              id={fieldIds.region!}
              name="region"
              label={t("region")}
              anyLabel={t("regionAny")}
              options={options.regions.map((r) => ({ value: r.code, label: r.name }))}
              value={values.region ?? ""}
              error={message("region")}
            />
            <FilterSelect
              id={fieldIds.status!}
              name="status"
              label={t("status")}
              anyLabel={t("statusAny")}
              options={caseStatuses.map((s) => ({ value: s, label: tStatus(s) }))}
              value={values.status ?? ""}
              error={message("status")}
            />
          </div>
          <fieldset className="mt-4">
            <legend className="font-semibold">{t("period")}</legend>
            <div className="mt-1 grid gap-4 md:grid-cols-3">
              <FilterInput id={fieldIds.from!} name="from" type="date" label={t("from")} hint={t("dateHint")} value={values.from ?? ""} error={message("from")} />
              <FilterInput id={fieldIds.to!} name="to" type="date" label={t("to")} hint={t("dateHint")} value={values.to ?? ""} error={message("to")} />
            </div>
          </fieldset>
          <div className="mt-5 flex flex-wrap items-center gap-4">
            <button type="submit" className={submitClass}>
              {t("submit")}
            </button>
            {(!result || isFiltered(result.search)) && <a href={href(emptyCaseSearch)}>{t("clear")}</a>}
          </div>
        </form>
      </div>

      <h2 className="mb-2 text-xl font-bold">{listTitle}</h2>
      {!result ? (
        <p role="status" className="mb-3">
          {t("notSearched")}
        </p>
      ) : (
        <>
          <p role="status" className="mb-3">
            {result.totalCapped ? t("resultsMore", { count: result.total }) : t("results", { count: result.total })}
          </p>
          {result.rows.length === 0 && result.total > 0 && (
            <p className="mb-3">
              {t("emptyPage")} <a href={href({ ...result.search, after: null, before: null })}>{t("first")}</a>
            </p>
          )}
          {result.rows.length > 0 && (
            <Table
              caption={listTitle}
              columns={[t("colNumber"), t("colGemeente"), t("colRegion"), t("colStatus"), t("colFiled"), t("colAudit")]}
            >
              <tbody>
                {result.rows.map((c) => (
                  <tr key={c.id} className="border-b border-slate-300">
                    <td className="p-2">
                      {/* Plain links: opening a case or its trail is audited, so it must never be prefetched. */}
                      <a href={`/zaken/${c.number}`}>{c.number}</a>
                    </td>
                    <td className="p-2">{c.gemeente.commonName ?? c.gemeente.name}</td>
                    <td className="p-2">{c.region?.name ?? "—"}</td>
                    <td className="p-2">
                      <StatusBadge status={c.status} audience="staff" />
                    </td>
                    <td className="p-2">
                      <time dateTime={c.createdAt.toISOString()}>{format.dateTime(c.createdAt, { dateStyle: "medium" })}</time>
                    </td>
                    <td className="p-2">
                      <a href={`/zaken/${c.number}/audit`} aria-label={t("auditLink", { number: c.number })}>
                        {t("colAudit")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {(result.previousBefore || result.nextAfter) && (
            <nav aria-label={t("pagingLabel")} className="mt-4 flex flex-wrap justify-between gap-4">
              {result.previousBefore ? (
                <a href={href({ ...result.search, after: null, before: result.previousBefore })} rel="prev" className="font-semibold">
                  ← {t("previous")}
                </a>
              ) : (
                <span />
              )}
              {result.nextAfter && (
                <a href={href({ ...result.search, after: result.nextAfter, before: null })} rel="next" className="font-semibold">
                  {t("next")} →
                </a>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
