import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MonitoringPage, type MonitoringSearchParams } from "../monitoring-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("figures");
  return { title: t("monitoringTitle", { scope: t("country") }) };
}

export default function CountryMonitoring({ searchParams }: { searchParams: MonitoringSearchParams }) {
  return <MonitoringPage level="nederland" code={null} searchParams={searchParams} />;
}
