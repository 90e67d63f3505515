import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { displayName } from "@/lib/domain/gemeente-name";
import { readFallback } from "@/lib/server/coverage/fallback";
import { loadFamilyCase } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirmation"))("title") };
}

function contactLine(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(", ");
}

/**
 * What happens next, told truthfully: the gemeente's aanspreekpunt when the gemeente
 * works with the portal, else the region's expert team, else the national fallback,
 * with how to reach them and by when.
 */
export default async function ConfirmationPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const actor = await requirePermission("case.follow", `/mijn-meldingen/${number}/bevestiging`);
  const found = await loadFamilyCase(actor, number);
  const t = await getTranslations("confirmation");
  const format = await getFormatter();
  const g = found.gemeente;
  const gemeente = displayName(g);
  const date = found.deadlineAt ? format.dateTime(found.deadlineAt, { dateStyle: "full" }) : null;
  const fallback = found.routing === "FALLBACK" ? await readFallback() : null;
  const team = found.region?.expertTeam ?? null;

  let who: React.ReactNode;
  if (found.routing === "REGION" && found.region) {
    const contact = contactLine([team?.email, team?.phone]);
    who = (
      <>
        <p className="mt-2">{t("whoRegion", { gemeente, region: found.region.name })}</p>
        {contact && <p>{t("contact", { contact })}</p>}
        {date && <p className="mt-4">{t("nextRegion", { date })}</p>}
      </>
    );
  } else if (found.routing === "FALLBACK") {
    const contact = fallback ? contactLine([fallback.phone, fallback.email, fallback.url]) : "";
    who = (
      <>
        <p className="mt-2">{t("whoNotLive", { gemeente })}</p>
        {fallback ? (
          <>
            <p className="mt-2">{t.rich("whoFallback", { fallback: fallback.name, number: found.number, strong: (c) => <strong>{c}</strong> })}</p>
            {contact && <p>{t("contact", { contact })}</p>}
            {fallback.hours && <p>{t("hours", { hours: fallback.hours })}</p>}
          </>
        ) : (
          <p className="mt-2">{t("whoNoFallback")}</p>
        )}
        <p className="mt-4">{t("nextFallback")}</p>
      </>
    );
  } else {
    const contact = contactLine([g.contactName, g.contactEmail, g.contactPhone]);
    who = (
      <>
        <p className="mt-2">{t("who", { gemeente })}</p>
        {contact && <p>{t("contact", { contact })}</p>}
        {date && <p className="mt-4">{t("next", { date })}</p>}
      </>
    );
  }

  return (
    <div className="max-w-prose space-y-6 text-lg">
      <div className="rounded border-l-8 border-teal-800 bg-white p-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3">
          {t.rich("number", { number: found.number, strong: (c) => <strong>{c}</strong> })}
        </p>
        <p>{t("keep")}</p>
      </div>
      <section>
        <h2 className="text-2xl font-bold">{t("whoTitle")}</h2>
        {who}
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("nextTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>{t("nextStep1")}</li>
          <li>{t("nextStep2")}</li>
          <li>{t("nextStep3")}</li>
        </ul>
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("documentsTitle")}</h2>
        <p className="mt-2">{t("documents")}</p>
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("supportTitle")}</h2>
        <p className="mt-2">{t("support")}</p>
        {g.clientSupportName ? (
          <>
            <p className="mt-2">{t("supportOf", { gemeente, name: g.clientSupportName })}</p>
            {g.clientSupportPhone && <p>{t("supportPhone", { phone: g.clientSupportPhone })}</p>}
            {g.clientSupportUrl && (
              <p>
                <a href={g.clientSupportUrl} rel="noopener noreferrer">
                  {t("supportUrl", { name: g.clientSupportName })}
                </a>
              </p>
            )}
          </>
        ) : (
          <p className="mt-2">{t("supportAsk")}</p>
        )}
      </section>
      <p>
        {/* A plain link: opening a case is audited, so it must never be prefetched. */}
        <a href={`/mijn-meldingen/${found.number}`} className="font-semibold">
          {t("follow")}
        </a>
      </p>
    </div>
  );
}
