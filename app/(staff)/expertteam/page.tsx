import type { Metadata } from "next";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { requirePermission } from "@/lib/auth/session";
import type { ProcesregieStep } from "@/lib/domain/procesregie";
import { listRegionQueue, type QueueRow } from "@/lib/server/cases/list-queues";
import { listProcesregieSteps } from "@/lib/server/cases/list-procesregie-steps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("regionTitle") };
}

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

function pageHref(cursor: string): string {
  return `/expertteam?${new URLSearchParams({ cursor }).toString()}`;
}

const badge = "inline-block rounded px-2 py-0.5 text-sm font-semibold";

/**
 * The region's referred cases with, beside the case's step, the step of the
 * expert team's procesregie it is in. Overdue, urgency and thuiszitter are
 * said in words, never only in colour, as in the gemeente's queue.
 */
function RegionTable({ rows, steps, caption }: { rows: QueueRow[]; steps: Map<string, ProcesregieStep | null>; caption: string }) {
  const t = useTranslations("queue");
  const tStep = useTranslations("expertWork");
  const tUrgency = useTranslations("urgency");
  const tDomain = useTranslations("domain");
  const format = useFormatter();
  return (
    // Focusable, so that keyboard users can scroll a wide table sideways on a small screen.
    <div className="overflow-x-auto rounded border border-slate-300 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[52rem] border-collapse bg-white text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">{t("colNumber")}</th>
            <th scope="col" className="p-2">{t("colChild")}</th>
            <th scope="col" className="p-2">{t("colGemeente")}</th>
            <th scope="col" className="p-2">{t("colStatus")}</th>
            <th scope="col" className="p-2">{tStep("queue.colStep")}</th>
            <th scope="col" className="p-2">{t("colUrgency")}</th>
            <th scope="col" className="p-2">{t("colDeadline")}</th>
            <th scope="col" className="p-2">{t("colQuestion")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const step = steps.get(c.id) ?? null;
            return (
              <tr key={c.id} className={`border-b border-slate-300 align-top ${c.overdue ? "bg-red-50" : ""}`}>
                <th scope="row" className="p-2 font-normal whitespace-nowrap">
                  <Link href={`/zaken/${c.number}`} className="font-semibold">
                    {c.number}
                  </Link>
                </th>
                <td className="p-2">
                  <span className="font-semibold">{c.childName}</span>
                  {c.thuiszitter && <span className={`${badge} ml-2 bg-amber-100 text-amber-950`}>{t("thuiszitter")}</span>}
                  {c.domains.length > 0 && (
                    <span className="block text-sm text-slate-700">{c.domains.map((d) => tDomain(d)).join(", ")}</span>
                  )}
                </td>
                <td className="p-2">{c.gemeenteName}</td>
                <td className="p-2">
                  <StatusBadge status={c.status} />
                </td>
                <td className="p-2">
                  {step ? tStep(`procesregie.steps.${step}.name`) : <span className="text-slate-700">{tStep("queue.noStep")}</span>}
                </td>
                <td className="p-2">
                  {c.urgency === "NORMAL" ? tUrgency(c.urgency) : <strong className="text-red-900">{tUrgency(c.urgency)}</strong>}
                </td>
                <td className="p-2 whitespace-nowrap">
                  {c.deadlineAt ? (
                    <time dateTime={c.deadlineAt.toISOString()}>
                      {format.dateTime(c.deadlineAt, { dateStyle: "medium", timeZone: "Europe/Amsterdam" })}
                    </time>
                  ) : (
                    <span className="text-slate-700">{t("noDeadline")}</span>
                  )}
                  {c.overdue && <span className={`${badge} mt-1 block w-fit bg-red-800 text-white`}>{t("overdue")}</span>}
                  {c.escalationLevel > 0 && (
                    <span className="mt-1 block text-sm text-red-900">{t("escalated", { level: c.escalationLevel })}</span>
                  )}
                </td>
                <td className="p-2">{c.question}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
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
        <RegionTable rows={page.rows} steps={steps} caption={t("regionCaption")} />
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
