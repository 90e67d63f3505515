import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaseTable } from "@/components/case-table";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { openStatuses } from "@/lib/domain/case-machine";
import { domains, urgencies } from "@/lib/domain/inputs";
import { redirect } from "next/navigation";
import {
  canonicalQueueHref,
  hasActiveFilters, parseQueueFilter, queueHref, queueTabs, type QueueFilter, type RawSearchParams } from "@/lib/domain/queue-filters";
import { gemeenteQueueView, type QueueCounts } from "@/lib/server/cases/list-queues";

type Props = { searchParams: Promise<RawSearchParams> };

const tabLabel = {
  all: "tabAll",
  new: "tabNew",
  mine: "tabMine",
  unassigned: "tabUnassigned",
  waiting: "tabWaiting",
  expert: "tabExpert",
  overdue: "tabOverdue",
} as const;

const tabEmpty = {
  all: "emptyAll",
  new: "emptyNew",
  mine: "emptyMine",
  unassigned: "emptyUnassigned",
  waiting: "emptyWaiting",
  expert: "emptyExpert",
  overdue: "emptyOverdue",
} as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("queue");
  const filter = parseQueueFilter(await searchParams);
  return { title: `${t("title")}: ${t(tabLabel[filter.tab])}` };
}

export default async function GemeenteQueuePage({ searchParams }: Props) {
  const actor = await requirePermission("queue.gemeente", "/werkbak");
  const params = await searchParams;
  const filter = parseQueueFilter(params);
  // A submitted form carries empty and default fields: show the same view under its short, shareable URL.
  const canonical = canonicalQueueHref(params, filter, "/werkbak");
  if (canonical) redirect(canonical);
  const t = await getTranslations("queue");
  const now = new Date();
  const { page, counts } = await gemeenteQueueView(actor, filter, { now });
  const filtered = hasActiveFilters(filter);
  const listTitle = t(tabLabel[filter.tab]);

  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <QueueTabs filter={filter} counts={counts} />
      <FilterForm filter={filter} />

      <h2 className="mb-1 text-xl font-bold">{listTitle}</h2>
      <p role="status" className="mb-3">
        {t("results", { count: counts[filter.tab] })}
      </p>
      {page.rows.length === 0 ? (
        <div className="rounded border border-slate-300 bg-white p-4">
          <p className="text-lg">{filtered ? t("emptyFiltered") : t(tabEmpty[filter.tab])}</p>
          {filtered && (
            <p className="mt-2">
              <a href={queueHref(filter, { status: null, urgency: [], domain: [], thuiszitter: false, q: "" })}>{t("clearFilters")}</a>
            </p>
          )}
        </div>
      ) : (
        <CaseTable rows={page.rows} caption={t("caption", { list: listTitle })} />
      )}

      {(page.previousCursor || page.nextCursor) && (
        <nav aria-label={t("pagingLabel")} className="mt-4 flex justify-between gap-4">
          {page.previousCursor ? (
            <a href={queueHref(filter, { cursor: page.previousCursor })} rel="prev" className="font-semibold">
              ← {t("previous")}
            </a>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <a href={queueHref(filter, { cursor: page.nextCursor })} rel="next" className="font-semibold">
              {t("next")} →
            </a>
          )}
        </nav>
      )}
    </div>
  );
}

async function QueueTabs({ filter, counts }: { filter: QueueFilter; counts: QueueCounts }) {
  const t = await getTranslations("queue");
  return (
    <nav aria-label={t("tabsLabel")} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {queueTabs.map((tab) => {
          const active = filter.tab === tab;
          const warn = tab === "overdue" && counts.overdue > 0;
          return (
            <li key={tab}>
              <a
                href={queueHref(filter, { tab })}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded-full border-2 px-3 py-1 font-semibold no-underline ${
                  active ? "border-teal-800 bg-teal-800 text-white hover:text-white" : "border-teal-800 bg-white"
                }`}
              >
                {t(tabLabel[tab])}
                <span
                  className={`rounded-full px-2 text-sm ${warn ? "bg-red-800 text-white" : active ? "bg-white text-teal-950" : "bg-teal-100 text-teal-950"}`}
                >
                  <span className="sr-only">{t("tabCountBefore")}</span>
                  {counts[tab]}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

const inputClass = "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 focus:outline-none focus:ring-4 focus:ring-amber-400";
const checkClass = "h-5 w-5 shrink-0 accent-teal-800";

async function FilterForm({ filter }: { filter: QueueFilter }) {
  const t = await getTranslations("queue");
  const tUrgency = await getTranslations("urgency");
  const tDomain = await getTranslations("domain");
  const tStatus = await getTranslations("status");
  return (
    <div className="mb-8 rounded border border-slate-300 bg-white p-4">
      <h2 id="filters-heading" className="mb-3 text-lg font-bold">
        {t("filtersHeading")}
      </h2>
      {/* A plain GET form: it works without JavaScript, and the result is a URL that can be bookmarked. */}
      <form method="get" action="/werkbak" role="search" aria-labelledby="filters-heading">
        {filter.tab !== "all" && <input type="hidden" name="tab" value={filter.tab} />}
        <div className="mb-4">
          <label htmlFor="queue-q" className="block font-semibold">
            {t("searchLabel")}
          </label>
          <p id="queue-q-hint" className="text-sm text-slate-700">
            {t("searchHint")}
          </p>
          <input
            id="queue-q"
            name="q"
            type="search"
            defaultValue={filter.q}
            maxLength={100}
            aria-describedby="queue-q-hint"
            className={`${inputClass} max-w-xl`}
          />
        </div>
        <div className="grid gap-4 md:grid-cols-3">
          <fieldset>
            <legend className="font-semibold">{t("urgencyLegend")}</legend>
            {urgencies.map((u) => (
              <label key={u} className="mt-1 flex items-center gap-2">
                <input type="checkbox" name="urgency" value={u} defaultChecked={filter.urgency.includes(u)} className={checkClass} />
                {tUrgency(u)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="font-semibold">{t("domainLegend")}</legend>
            {domains.map((d) => (
              <label key={d} className="mt-1 flex items-center gap-2">
                <input type="checkbox" name="domain" value={d} defaultChecked={filter.domain.includes(d)} className={checkClass} />
                {tDomain(d)}
              </label>
            ))}
          </fieldset>
          <div>
            <label className="flex items-center gap-2 font-semibold">
              <input type="checkbox" name="thuiszitter" value="1" defaultChecked={filter.thuiszitter} className={checkClass} />
              {t("thuiszitterOnly")}
            </label>
            <label htmlFor="queue-status" className="mt-3 block font-semibold">
              {t("statusLabel")}
            </label>
            <select id="queue-status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">{t("statusAny")}</option>
              {openStatuses.map((s) => (
                <option key={s} value={s}>
                  {tStatus(s)}
                </option>
              ))}
            </select>
            <label htmlFor="queue-sort" className="mt-3 block font-semibold">
              {t("sortLabel")}
            </label>
            <select id="queue-sort" name="sort" defaultValue={filter.sort} className={inputClass}>
              <option value="deadline">{t("sortDeadline")}</option>
              <option value="newest">{t("sortNewest")}</option>
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-teal-800 px-5 py-2.5 font-semibold text-white hover:bg-teal-900">
            {t("applyFilters")}
          </button>
          {hasActiveFilters(filter) && (
            <a href={queueHref(filter, { status: null, urgency: [], domain: [], thuiszitter: false, q: "" })}>{t("clearFilters")}</a>
          )}
        </div>
      </form>
    </div>
  );
}
