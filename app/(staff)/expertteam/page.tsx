import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaseTable } from "@/components/case-table";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listRegionQueue } from "@/lib/server/cases/list-queues";
import { listProcesregieSteps } from "@/lib/server/cases/list-procesregie-steps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("regionTitle") };
}

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

function pageHref(cursor: string): string {
  return `/expertteam?${new URLSearchParams({ cursor }).toString()}`;
}

export default async function RegionQueuePage({ searchParams }: Props) {
  const actor = await requirePermission("queue.region", "/expertteam");
  const raw = (await searchParams).cursor;
  // An unreadable or repeated cursor starts at the top; the service checks what it decodes.
  const cursor = typeof raw === "string" ? raw.slice(0, 300) : null;
  const t = await getTranslations("queue");
  const page = await listRegionQueue(actor, { cursor });
  const steps = await listProcesregieSteps(actor, page.rows.map((r) => r.id));
  return (
    <div>
      <PageHeader title={t("regionTitle")} intro={t("regionIntro")} />
      {page.rows.length === 0 ? (
        <p className="text-lg">{t("regionEmpty")}</p>
      ) : (
        <CaseTable rows={page.rows} steps={steps} caption={t("regionCaption")} />
      )}
      {(page.previousCursor || page.nextCursor) && (
        <nav aria-label={t("pagingLabel")} className="mt-4 flex justify-between gap-4">
          {page.previousCursor ? (
            <a href={pageHref(page.previousCursor)} rel="prev" className="font-semibold">
              ← {t("previous")}
            </a>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <a href={pageHref(page.nextCursor)} rel="next" className="font-semibold">
              {t("next")} →
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
