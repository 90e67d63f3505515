import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PartNav, partParam, partsOf } from "@/components/figures/figure-parts";
import { FiguresView } from "@/components/figures/figures-view";
import { YearChoice, yearParam } from "@/components/figures/year-choice";
import { PageHeader } from "@/components/page-header";
import { prisma } from "@/lib/db/client";
import { readOpenFigures } from "@/lib/server/statistics/read-figure-sets";
import { NotFoundError } from "@/lib/server/errors";

export type OpenSearchParams = Promise<{ jaar?: string | string[]; deel?: string | string[] }>;

/** The open figures of the country, or of one jeugdregio: for everyone, without signing in. */
export async function OpenFiguresPage({ regionCode, searchParams }: { regionCode: string | null; searchParams: OpenSearchParams }) {
  const t = await getTranslations("figures");
  const region = regionCode ? await prisma.region.findUnique({ where: { code: regionCode }, select: { id: true, name: true, code: true } }) : null;
  if (regionCode && !region) notFound();
  const query = await searchParams;
  const year = yearParam(query.jaar);
  // A region's open figures do not list its gemeenten: only the country's page has regions side by side.
  const parts = partsOf(regionCode === null);
  const part = partParam(query.deel, parts);
  let published;
  try {
    published = await readOpenFigures(region ? { level: "region", regionId: region.id } : { level: "country" }, year);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const path = region ? `/cijfers/${region.code}` : "/cijfers";
  const scopeName = region ? region.name : t("country");
  const csvHref = (table: string) =>
    `/cijfers/csv?${new URLSearchParams({ ...(region ? { regio: region.code } : {}), jaar: String(published.year), tabel: table })}`;
  const regions = region ? [] : await prisma.region.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
  return (
    <div className="space-y-8">
      <PageHeader title={region ? t("openRegionTitle", { region: region.name }) : t("openTitle")} intro={t("openIntro")}>
        <p className="mt-2 max-w-prose text-slate-800">{t("privacy")}</p>
      </PageHeader>
      {region && (
        <p>
          <Link href="/cijfers" className="font-semibold">
            {t("backToCountry")}
          </Link>
        </p>
      )}
      <PartNav path={path} parts={parts} part={part} year={published.year} unit="regio" />
      <YearChoice action={path} years={published.years} year={published.year} part={part} />
      {published.set ? (
        <FiguresView set={published.set} part={part} scopeName={scopeName} regionName={region?.name ?? null} csvHref={csvHref} />
      ) : (
        <p role="status">{t("notYet", { year: published.year })}</p>
      )}
      {regions.length > 0 && (
        <section aria-labelledby="regions-title" className="space-y-3">
          <h2 id="regions-title" className="text-2xl font-bold">
            {t("regions")}
          </h2>
          <p>{t("regionsIntro")}</p>
          <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2 md:grid-cols-3">
            {regions.map((r) => (
              <li key={r.code}>
                <Link href={`/cijfers/${r.code}`} className="font-semibold">
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="max-w-prose border-t border-slate-300 pt-4 text-slate-800">
        {t("licence")}{" "}
        <a href="https://creativecommons.org/licenses/by/4.0/deed.nl" className="font-semibold">
          {t("licenceLink")}
        </a>
      </p>
    </div>
  );
}
