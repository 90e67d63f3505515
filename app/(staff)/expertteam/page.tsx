import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaseTable } from "@/components/case-table";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listRegionQueue } from "@/lib/server/cases/list-queues";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("regionTitle") };
}

export default async function RegionQueuePage() {
  const actor = await requirePermission("queue.region", "/expertteam");
  const t = await getTranslations("queue");
  const rows = (await listRegionQueue(actor)).map((c) => ({ ...c, question: c.referrals[0]?.question ?? null }));
  return (
    <div>
      <PageHeader title={t("regionTitle")} intro={t("regionIntro")} />
      <CaseTable rows={rows} caption={t("caption")} now={new Date()} showQuestion />
    </div>
  );
}
