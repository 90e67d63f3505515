import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseTable } from "@/components/case-table";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import { listGemeenteQueue } from "@/lib/server/cases/list-queues";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("titleAll") };
}

const filters = caseStatuses.filter((s) => s !== "CLOSED");

/** Only a known status filters; anything else (unknown, repeated) shows every open case. */
function parseStatus(value: string | string[] | undefined): CaseStatus | undefined {
  return filters.find((s) => s === value);
}

export default async function GemeenteQueuePage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
  const actor = await requirePermission("queue.gemeente", "/werkbak");
  const status = parseStatus((await searchParams).status);
  const t = await getTranslations("queue");
  const tStatus = await getTranslations("status");
  const rows = await listGemeenteQueue(actor, { status });
  const linkClass = (active: boolean) =>
    `rounded-full border-2 border-teal-800 px-3 py-1 font-semibold no-underline ${active ? "bg-teal-800 text-white hover:text-white" : "bg-white"}`;
  return (
    <div>
      <PageHeader title={t("titleAll")} intro={t("intro")} />
      <nav aria-label={t("filterLabel")} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href="/werkbak" className={linkClass(!status)} aria-current={!status ? "page" : undefined}>
              {t("filterAll")}
            </Link>
          </li>
          {filters.map((s) => (
            <li key={s}>
              <Link href={`/werkbak?status=${s}`} className={linkClass(status === s)} aria-current={status === s ? "page" : undefined}>
                {tStatus(s)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <CaseTable rows={rows} caption={status ? tStatus(status) : t("caption")} now={new Date()} />
    </div>
  );
}
