import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ProcesregieStep } from "@/lib/domain/procesregie";
import type { QueueRow } from "@/lib/server/cases/list-queues";
import { StatusBadge } from "./status-badge";

/** A queue row as the queue service returns it. */
export type CaseRow = Omit<QueueRow, "createdAt"> & { createdAt?: Date };

const badge = "inline-block rounded px-2 py-0.5 text-sm font-semibold";

/**
 * A queue of cases for staff. Overdue, urgency and thuiszitter are said in
 * words, never only in colour. The region queue (given `steps`) shows the
 * gemeente, the step of the expert team's procesregie and the question to the
 * expert team instead of the assignee.
 */
export function CaseTable({
  rows,
  caption,
  steps,
}: {
  rows: CaseRow[];
  caption: string;
  /** The region queue: each case's step of procesregie, by case id */
  steps?: Map<string, ProcesregieStep | null>;
}) {
  const t = useTranslations("queue");
  const tExpert = useTranslations("expertWork");
  const tUrgency = useTranslations("urgency");
  const tDomain = useTranslations("domain");
  const format = useFormatter();
  const region = steps !== undefined;
  const stepName = (step: ProcesregieStep | null | undefined) =>
    step ? tExpert(`procesregie.steps.${step}.name`) : <span className="text-slate-700">{tExpert("queue.noStep")}</span>;
  return (
    // Focusable, so that keyboard users can scroll a wide table sideways on a small screen.
    <div className="overflow-x-auto rounded border border-slate-300 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400" tabIndex={0} role="region" aria-label={caption}>
      <table className={`w-full ${region ? "min-w-[52rem]" : "min-w-[44rem]"} border-collapse bg-white text-left`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">{t("colNumber")}</th>
            <th scope="col" className="p-2">{t("colChild")}</th>
            {region && <th scope="col" className="p-2">{t("colGemeente")}</th>}
            <th scope="col" className="p-2">{t("colStatus")}</th>
            {region && <th scope="col" className="p-2">{tExpert("queue.colStep")}</th>}
            <th scope="col" className="p-2">{t("colUrgency")}</th>
            <th scope="col" className="p-2">{t("colDeadline")}</th>
            <th scope="col" className="p-2">{region ? t("colQuestion") : t("colAssignee")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
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
              {region && <td className="p-2">{c.gemeenteName}</td>}
              <td className="p-2">
                <StatusBadge status={c.status} audience="staff" />
              </td>
              {region && (
                <td className="p-2">{stepName(steps.get(c.id))}</td>
              )}
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
              <td className="p-2">
                {region ? c.question : (c.assigneeName ?? <span className="text-slate-700">{t("unassigned")}</span>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
