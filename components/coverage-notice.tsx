import { useTranslations } from "next-intl";

export type CoverageNoticeProps = {
  /** The name people use for the gemeente */
  gemeente: string;
  route: "GEMEENTE" | "REGION" | "FALLBACK";
  regionName: string | null;
  expertTeam: { name: string; email: string | null; phone: string | null } | null;
  fallback: { name: string; email: string; phone: string | null; url: string | null; hours: string | null } | null;
  /** Heading level that fits where the notice stands */
  level?: 2 | 3;
};

function joined(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(", ");
}

/**
 * Tells a family, before they write anything, that their gemeente does not work with
 * the portal yet, and what happens instead: the region's expert team, or the national
 * fallback. Says nothing for a gemeente that is live.
 */
export function CoverageNotice({ gemeente, route, regionName, expertTeam, fallback, level = 3 }: CoverageNoticeProps) {
  const t = useTranslations("coverageNotice");
  if (route === "GEMEENTE") return null;
  const Heading = level === 2 ? "h2" : "h3";
  const team = expertTeam ? joined([expertTeam.phone, expertTeam.email]) : "";
  return (
    <div className="rounded border-l-8 border-amber-500 bg-amber-50 p-4">
      <Heading className="text-lg font-bold">{t("title", { gemeente })}</Heading>
      {route === "REGION" ? (
        <>
          <p className="mt-2">{t("region", { region: regionName ?? "" })}</p>
          {team && <p className="mt-1">{t("teamContact", { contact: team })}</p>}
        </>
      ) : (
        <>
          <p className="mt-2">{regionName ? t("regionNotLive", { region: regionName }) : t("noRegion")}</p>
          {fallback ? (
            <>
              <p className="mt-2">{t("fallback", { fallback: fallback.name })}</p>
              <p className="mt-1">{t("fallbackContact", { contact: joined([fallback.phone, fallback.email, fallback.url]) })}</p>
              {fallback.hours && <p className="mt-1">{t("hours", { hours: fallback.hours })}</p>}
            </>
          ) : (
            <p className="mt-2">{t("noFallback")}</p>
          )}
        </>
      )}
    </div>
  );
}
