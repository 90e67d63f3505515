import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MonitoringPage, type MonitoringSearchParams } from "../../monitoring-page";

type Props = { params: Promise<{ code: string }>; searchParams: MonitoringSearchParams };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figures"))("title") };
}

export default async function RegioMonitoring({ params, searchParams }: Props) {
  const { code } = await params;
  return <MonitoringPage level="regio" code={decodeURIComponent(code)} searchParams={searchParams} />;
}
