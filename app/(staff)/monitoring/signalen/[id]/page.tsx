import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { causes, labelOf, organisationKinds, wordingOf } from "@/lib/domain/causes";
import { quarterLabel } from "@/lib/domain/lead-times";
import type { Locale } from "@/lib/i18n/locales";
import { NotFoundError } from "@/lib/server/errors";
import { readSignalToMark } from "@/lib/server/statistics/signals";
import { markSignalAction } from "./actions";
import { SignalMarkForm } from "./mark-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figures.signals"))("markTitle") };
}

/** Where the region's coordinator or a gemeente admin of the region records what was done with one signal. */
export default async function SignalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("signal.manage", `/monitoring/signalen/${encodeURIComponent(id)}`);
  let signal;
  try {
    signal = await readSignalToMark(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const t = await getTranslations("figures.signals");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const list = signal.dimension === "CAUSE" ? causes : organisationKinds;
  const ownRegion = actor.memberships.some((m) => m.role === "REGION_COORDINATOR" && m.regionId !== null);
  const backHref = ownRegion ? `/monitoring/regio/${signal.regionCode}?deel=signalen` : "/monitoring?deel=signalen";
  return (
    <div className="space-y-6">
      <PageHeader title={t("markTitle")} intro={t("markIntro")} />
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded border-2 border-slate-300 bg-white p-5">
        <dt className="font-semibold">{t("region")}</dt>
        <dd>{signal.regionName}</dd>
        <dt className="font-semibold">{t("quarter")}</dt>
        <dd>{quarterLabel(signal.quarter, locale)}</dd>
        <dt className="font-semibold">{t(`dimension.${signal.dimension}`)}</dt>
        <dd>
          <span className="font-semibold">{labelOf(list, signal.key, locale)}</span>
          <span className="block text-sm text-slate-700">{wordingOf(list, signal.key, locale === "en" ? "en" : "nl").explanation}</span>
        </dd>
        <dt className="font-semibold">{t("cases")}</dt>
        <dd>{format.number(signal.cases)}</dd>
        <dt className="font-semibold">{t("status")}</dt>
        <dd>{t(`statuses.${signal.status}`)}</dd>
      </dl>
      <SignalMarkForm
        signalId={signal.id}
        status={signal.status}
        note={signal.note}
        actedOn={signal.actedOn}
        backHref={backHref}
        action={markSignalAction}
      />
    </div>
  );
}
