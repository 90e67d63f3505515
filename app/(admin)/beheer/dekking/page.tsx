import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import { actorRoles } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { readCoverage, type GemeenteCoverage } from "@/lib/server/coverage/read-coverage";
import { updateFallbackAction } from "./actions";
import { FallbackForm } from "./fallback-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coverage"))("title") };
}

type Props = { searchParams: Promise<{ regio?: string | string[] }> };

export default async function CoveragePage({ searchParams }: Props) {
  const actor = await requireActor("/beheer/dekking");
  if (!may(actorRoles(actor), "platform.coverage")) notFound();
  const coverage = await readCoverage(actor);
  // One region's gemeenten at a time: the whole country is 342 rows, more than anyone reads at a glance.
  const { regio } = await searchParams;
  const chosen = coverage.regions.find((r) => r.code === (Array.isArray(regio) ? regio[0] : regio)) ?? null;
  const t = await getTranslations("coverage");
  const tUrgency = await getTranslations("urgency");
  const format = await getFormatter();
  const { totals } = coverage;

  return (
    <div className="space-y-12">
      <div>
        <p className="mb-4">
          <Link href="/beheer">{t("back")}</Link>
        </p>
        <PageHeader title={t("title")} intro={t("intro")} />
      </div>

      <section aria-labelledby="summary">
        <h2 id="summary" className="text-2xl font-bold">{t("summaryTitle")}</h2>
        <ul className="mt-3 space-y-1 text-lg">
          <li>{t("summaryGemeenten", { live: totals.liveGemeenten, total: totals.gemeenten })}</li>
          <li>{t("summaryRegions", { live: totals.liveRegions, total: totals.regions })}</li>
          <li>{t("summaryOpen", { open: totals.open, atRegion: totals.atRegion })}</li>
          <li className={totals.waiting > 0 ? "font-bold text-red-800" : undefined}>{t("summaryWaiting", { count: totals.waiting })}</li>
        </ul>
      </section>

      <section aria-labelledby="waiting" className="space-y-3">
        <h2 id="waiting" className="text-2xl font-bold">{t("waitingTitle")}</h2>
        <p className="max-w-prose">{t("waitingIntro")}</p>
        {coverage.waitingCases.length === 0 ? (
          <p>{t("waitingNone")}</p>
        ) : (
          <Table caption={t("waitingCaption")} columns={[t("colNumber"), t("colGemeente"), t("colUrgency"), t("colSince")]}>
            <tbody>
              {coverage.waitingCases.map((c) => (
                <tr key={c.number} className="border-b border-slate-300">
                  <td className="p-2 font-mono">{c.number}</td>
                  <td className="p-2">{c.gemeente}</td>
                  <td className="p-2">{tUrgency(c.urgency)}</td>
                  <td className="p-2">{format.dateTime(c.since, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="fallback" className="space-y-3">
        <h2 id="fallback" className="text-2xl font-bold">{t("fallbackTitle")}</h2>
        <p className="max-w-prose">{t("fallbackIntro")}</p>
        {!coverage.fallback && <p className="max-w-prose rounded border-l-8 border-amber-500 bg-amber-50 p-4">{t("fallbackMissing")}</p>}
        <FallbackForm fallback={coverage.fallback} action={updateFallbackAction} />
      </section>

      <section aria-labelledby="regions" className="space-y-3">
        <h2 id="regions" className="text-2xl font-bold">{t("regionsTitle")}</h2>
        <p className="max-w-prose">{t("regionsIntro")}</p>
        <Table caption={t("regionsCaption")} columns={[t("colRegion"), t("colTeam"), t("colGemeentenLive"), t("colOpen"), t("colAtRegion"), t("colWaiting")]}>
          <tbody>
            {coverage.regions.map((r) => {
              const live = r.gemeenten.filter((g) => g.live).length;
              const sum = (f: (g: GemeenteCoverage) => number) => r.gemeenten.reduce((n, g) => n + f(g), 0);
              const waiting = sum((g) => g.waiting);
              return (
                <tr key={r.code} className={r.code === chosen?.code ? "border-b border-slate-300 bg-amber-50" : "border-b border-slate-300"}>
                  <td className="p-2">
                    <Link href={`/beheer/dekking?regio=${r.code}#regio`} aria-current={r.code === chosen?.code ? "true" : undefined}>
                      {r.name}
                    </Link>{" "}
                    <span className="text-slate-700">({r.code})</span>
                  </td>
                  <td className="p-2">{r.teamLive ? t("teamLive", { experts: r.experts }) : t("teamNotLive")}</td>
                  <td className="p-2">{t("gemeentenLive", { live, total: r.gemeenten.length })}</td>
                  <td className="p-2">{sum((g) => g.open)}</td>
                  <td className="p-2">{sum((g) => g.atRegion)}</td>
                  <td className={waiting > 0 ? "p-2 font-bold text-red-800" : "p-2"}>{waiting}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        {coverage.withoutRegion.length > 0 && (
          <div>
            <h3 className="text-xl font-bold">{t("withoutRegion")}</h3>
            <GemeentenTable caption={t("withoutRegion")} gemeenten={coverage.withoutRegion} />
          </div>
        )}
      </section>

      {chosen && (
        <section aria-labelledby="regio" className="space-y-3">
          <h2 id="regio" className="text-2xl font-bold">{t("regionTitle", { region: chosen.name })}</h2>
          <p className="max-w-prose">{chosen.teamLive ? t("teamLive", { experts: chosen.experts }) : t("teamNotLive")}</p>
          <GemeentenTable caption={t("gemeentenCaption", { region: chosen.name })} gemeenten={chosen.gemeenten} />
        </section>
      )}
    </div>
  );
}

async function GemeentenTable({ caption, gemeenten }: { caption: string; gemeenten: GemeenteCoverage[] }) {
  const t = await getTranslations("coverage");
  return (
    <Table caption={caption} columns={[t("colGemeente"), t("colLive"), t("colOpen"), t("colAtRegion"), t("colWaiting")]}>
      <tbody>
        {gemeenten.map((g) => (
          <tr key={g.cbsCode} className="border-b border-slate-300">
            <td className="p-2">
              {g.commonName ?? g.name} <span className="text-slate-700">({g.cbsCode})</span>
            </td>
            <td className="p-2">{g.live ? t("live") : t("notLive", { missing: g.missing.map((m) => t(`missing.${m}`)).join(", ") })}</td>
            <td className="p-2">{g.open}</td>
            <td className="p-2">{g.atRegion}</td>
            <td className={g.waiting > 0 ? "p-2 font-bold text-red-800" : "p-2"}>{g.waiting}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
