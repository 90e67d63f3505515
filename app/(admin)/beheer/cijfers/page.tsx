import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/server/errors";
import { readStatisticsSettings } from "@/lib/server/statistics/statistics-policy";
import { updateStatisticsThresholdAction } from "./actions";
import { ThresholdForm } from "./threshold-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figures.admin"))("title") };
}

/** The platform admin's settings of the figures: the threshold below which no count is shown. */
export default async function StatisticsSettingsPage() {
  const actor = await requireActor("/beheer/cijfers");
  let settings;
  try {
    settings = await readStatisticsSettings(actor);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
  const t = await getTranslations("figures.admin");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p>{settings.isDefault ? t("currentDefault", { threshold: settings.threshold }) : t("current", { threshold: settings.threshold })}</p>
      <p>{t("signalIntro", { effective: settings.signals.effective })}</p>
      <ThresholdForm
        threshold={settings.threshold}
        range={{ min: settings.min, max: settings.max, default: settings.defaultThreshold }}
        signalThreshold={settings.signals.threshold}
        signalRange={{ min: settings.signals.min, max: settings.signals.max, default: settings.signals.defaultThreshold }}
        action={updateStatisticsThresholdAction}
      />
    </div>
  );
}
