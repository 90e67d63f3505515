import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache, type ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { actorRoles } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { displayName } from "@/lib/domain/gemeente-name";
import { findGemeenteDirectoryEntry } from "@/lib/server/reference/directory";
import { routeOfGemeente } from "@/lib/server/coverage/routes";
import { CoverageNotice } from "@/components/coverage-notice";

type Props = { params: Promise<{ cbsCode: string }> };

const find = cache(findGemeenteDirectoryEntry);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const gemeente = await find((await params).cbsCode);
  if (!gemeente) return {};
  return { title: (await getTranslations("directory"))("detailTitle", { name: displayName(gemeente) }) };
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** Only the rows that have a value; the caller says what to do when none has. */
function Details({ rows }: { rows: { label: string; value: ReactNode | null }[] }) {
  const filled = rows.filter((r) => r.value);
  return (
    <dl className="mt-3 grid max-w-prose grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
      {filled.map((r) => (
        <div key={r.label} className="contents">
          <dt className="font-semibold">{r.label}</dt>
          <dd className="break-words">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function GemeentePage({ params }: Props) {
  const gemeente = await find((await params).cbsCode);
  if (!gemeente) notFound();
  const t = await getTranslations("directory");
  const tReference = await getTranslations("reference.directory");
  const format = await getFormatter();
  const actor = await getActor();
  // Staff do not file; for them the button would lead nowhere.
  const mayFile = !actor || may(actorRoles(actor), "case.file");
  const name = displayName(gemeente);
  const { aanspreekpunt, region, clientSupport } = gemeente;
  const team = region?.expertTeam ?? null;
  const hasAanspreekpunt = !!(aanspreekpunt.name || aanspreekpunt.email || aanspreekpunt.phone || aanspreekpunt.hours);
  const hasClientSupport = !!(clientSupport.name || clientSupport.phone || clientSupport.url);
  const coverage = await routeOfGemeente(gemeente.cbsCode);
  const route = coverage?.route.route ?? "FALLBACK";

  return (
    <div className="space-y-10">
      <div>
        <p className="mb-4">
          <Link href="/gemeenten">{t("backToSearch")}</Link>
        </p>
        <PageHeader title={t("detailTitle", { name })} intro={t("detailIntro")}>
          {gemeente.commonName && <p className="mt-1 text-slate-700">{t("officialName", { name: gemeente.name })}</p>}
          {gemeente.formerly && (
            <p className="mt-3 max-w-prose rounded border-l-8 border-teal-800 bg-teal-50 p-4">
              {tReference("formerly", { name: gemeente.formerly.name, date: format.dateTime(new Date(`${gemeente.formerly.endedOn}T12:00:00Z`), { dateStyle: "long" }), current: name })}
            </p>
          )}
        </PageHeader>
      </div>

      {coverage && route !== "GEMEENTE" && (
        <section aria-label={t("notLiveLabel")} className="max-w-prose">
          <CoverageNotice gemeente={name} fallback={coverage.fallback} level={2} {...coverage.route} />
          <p className="mt-3">{t("notLiveClientSupport")}</p>
        </section>
      )}

      <section aria-labelledby="aanspreekpunt">
        <h2 id="aanspreekpunt" className="text-2xl font-bold">
          {t("aanspreekpuntTitle")}
        </h2>
        <p className="mt-2 max-w-prose">{t("aanspreekpuntIntro")}</p>
        {hasAanspreekpunt ? (
          <Details
            rows={[
              { label: t("contactName"), value: aanspreekpunt.name },
              { label: t("contactEmail"), value: aanspreekpunt.email && <a href={`mailto:${aanspreekpunt.email}`}>{aanspreekpunt.email}</a> },
              { label: t("contactPhone"), value: aanspreekpunt.phone && <a href={telHref(aanspreekpunt.phone)}>{aanspreekpunt.phone}</a> },
              { label: t("contactHours"), value: aanspreekpunt.hours },
            ]}
          />
        ) : (
          <div className="mt-3 max-w-prose rounded border-l-8 border-amber-500 bg-amber-50 p-4">
            <p className="font-semibold">{t("aanspreekpuntMissing", { gemeente: name })}</p>
            <p className="mt-2">{t("aanspreekpuntMissingHelp")}</p>
          </div>
        )}
      </section>

      <section aria-labelledby="expertteam">
        <h2 id="expertteam" className="text-2xl font-bold">
          {t("expertTeamTitle")}
        </h2>
        {region ? (
          <>
            <p className="mt-2 max-w-prose">{t("expertTeamIntro", { region: region.name })}</p>
            {team && (
              <Details
                rows={[
                  { label: t("expertTeamName"), value: team.name },
                  { label: t("contactEmail"), value: team.email && <a href={`mailto:${team.email}`}>{team.email}</a> },
                  { label: t("contactPhone"), value: team.phone && <a href={telHref(team.phone)}>{team.phone}</a> },
                ]}
              />
            )}
            {!team?.email && !team?.phone && <p className="mt-3 max-w-prose">{t("expertTeamNoContact")}</p>}
          </>
        ) : (
          <p className="mt-2 max-w-prose">{t("noRegion")}</p>
        )}
      </section>

      <section aria-labelledby="clientondersteuning">
        <h2 id="clientondersteuning" className="text-2xl font-bold">
          {t("clientSupportTitle")}
        </h2>
        <p className="mt-2 max-w-prose">{t("clientSupportIntro")}</p>
        {hasClientSupport ? (
          <Details
            rows={[
              { label: t("clientSupportName"), value: clientSupport.name },
              { label: t("clientSupportPhone"), value: clientSupport.phone && <a href={telHref(clientSupport.phone)}>{clientSupport.phone}</a> },
              {
                label: t("clientSupportUrl"),
                value: clientSupport.url && <a href={clientSupport.url}>{clientSupport.url.replace(/^https?:\/\//, "").replace(/\/$/, "")}</a>,
              },
            ]}
          />
        ) : (
          <p className="mt-3 max-w-prose rounded border-l-8 border-amber-500 bg-amber-50 p-4">{t("clientSupportMissing", { gemeente: name })}</p>
        )}
      </section>

      {mayFile && (
        <section aria-labelledby="melden">
          <h2 id="melden" className="text-2xl font-bold">
            {t("startTitle")}
          </h2>
          <p className="mt-2 max-w-prose">{t("startText")}</p>
          {route !== "GEMEENTE" && <p className="mt-2 max-w-prose">{t(route === "REGION" ? "startTextRegion" : "startTextFallback")}</p>}
          <p className="mt-4">
            <Link
              href={actor ? "/melden" : "/inloggen?terug=%2Fmelden"}
              className="inline-block rounded bg-teal-800 px-5 py-3 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white"
            >
              {t("startButton")}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
