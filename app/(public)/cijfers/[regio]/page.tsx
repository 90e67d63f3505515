import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OpenFiguresPage, type OpenSearchParams } from "../open-figures-page";

type Props = { params: Promise<{ regio: string }>; searchParams: OpenSearchParams };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figures"))("openTitle") };
}

export default async function OpenRegionFigures({ params, searchParams }: Props) {
  const { regio } = await params;
  return <OpenFiguresPage regionCode={decodeURIComponent(regio).slice(0, 20)} searchParams={searchParams} />;
}
