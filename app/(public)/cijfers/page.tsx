import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OpenFiguresPage, type OpenSearchParams } from "./open-figures-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figures"))("openTitle") };
}

export default function OpenFigures({ searchParams }: { searchParams: OpenSearchParams }) {
  return <OpenFiguresPage regionCode={null} searchParams={searchParams} />;
}
