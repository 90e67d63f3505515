import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { requirePermission } from "@/lib/auth/session";
import { searchCases } from "@/lib/server/cases/search-cases";
import { Table } from "@/components/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ombudsman"))("title") };
}

export default async function OmbudsmanPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePermission("case.search", "/ombudsman");
  // A repeated parameter (?q=a&q=b) arrives as an array: then there is no search.
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").slice(0, 100);
  const t = await getTranslations("ombudsman");
  const format = await getFormatter();
  const results = await searchCases(actor, { q });
  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <form method="get" role="search" className="mb-8 flex max-w-xl flex-wrap items-end gap-3">
        <div className="flex-1">
          <label htmlFor="q" className="block font-semibold">
            {t("search")}
          </label>
          <p id="q-hint" className="text-sm text-slate-700">
            {t("searchHint")}
          </p>
          <input
            id="q"
            name="q"
            defaultValue={q}
            aria-describedby="q-hint"
            className="mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-teal-800 px-5 py-2.5 font-semibold text-white hover:bg-teal-900">
          {t("submit")}
        </button>
      </form>
      <h2 className="mb-2 text-xl font-bold">{q ? t("caption") : t("latest")}</h2>
      <p role="status" className="mb-3">{t("results", { count: results.length })}</p>
      {results.length > 0 && (
        <Table caption={q ? t("caption") : t("latest")} columns={[t("colNumber"), t("colGemeente"), t("colRegion"), t("colStatus"), t("colFiled"), t("colAudit")]}>
          <tbody>
            {results.map((c) => (
              <tr key={c.id} className="border-b border-slate-300">
                <td className="p-2">
                  <Link href={`/zaken/${c.number}`}>{c.number}</Link>
                </td>
                <td className="p-2">{c.gemeente.name}</td>
                <td className="p-2">{c.region?.name ?? "—"}</td>
                <td className="p-2">
                  <StatusBadge status={c.status} />
                </td>
                <td className="p-2">{format.dateTime(c.createdAt, { dateStyle: "medium" })}</td>
                <td className="p-2">
                  <Link href={`/zaken/${c.number}/audit`} aria-label={t("auditLink", { number: c.number })}>
                    {t("colAudit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
