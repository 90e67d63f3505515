import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listFigureScopes } from "@/lib/server/statistics/read-figure-sets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figures"))("title") };
}

/** Straight to one's own figures; a choice when someone holds more than one scope. */
export default async function MonitoringIndex({ searchParams }: { searchParams: Promise<{ deel?: string | string[] }> }) {
  const actor = await requirePermission("statistics.read", "/monitoring");
  const scopes = await listFigureScopes(actor);
  if (scopes.length === 0) notFound();
  // A link to a part (the signals, from a notice) opens that part of one's own page.
  const { deel } = await searchParams;
  const part = typeof deel === "string" && /^[a-z]{1,20}$/.test(deel) ? `?deel=${deel}` : "";
  if (scopes.length === 1) redirect(`${scopes[0]!.path}${part}`);
  const t = await getTranslations("figures");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("monitoringIntro")} />
      <h2 className="text-2xl font-bold">{t("choose")}</h2>
      <ul className="list-disc space-y-2 pl-6">
        {scopes.map((s) => (
          <li key={s.path}>
            <Link href={`${s.path}${part}`} className="font-semibold">
              {s.ref.level === "country" ? t("country") : s.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
