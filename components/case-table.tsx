import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StatusBadge } from "./status-badge";

export type CaseRow = {
  id: string;
  number: string;
  status: string;
  urgency: string;
  childName: string;
  domains: string[];
  deadlineAt: Date | null;
  assigneeId: string | null;
  gemeente: { name: string };
  question?: string | null;
};

/** A queue of cases for staff: soonest deadline first, overdue said in words, not only in colour. */
export function CaseTable({ rows, caption, now, showQuestion = false }: { rows: CaseRow[]; caption: string; now: Date; showQuestion?: boolean }) {
  const t = useTranslations("queue");
  const tUrgency = useTranslations("urgency");
  const tDomain = useTranslations("domain");
  const format = useFormatter();
  if (rows.length === 0) return <p className="text-lg">{t("empty")}</p>;
  return (
    // Focusable, so that keyboard users can scroll a wide table sideways.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse bg-white text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">{t("colNumber")}</th>
            <th scope="col" className="p-2">{t("colChild")}</th>
            <th scope="col" className="p-2">{t("colGemeente")}</th>
            <th scope="col" className="p-2">{t("colStatus")}</th>
            <th scope="col" className="p-2">{t("colUrgency")}</th>
            <th scope="col" className="p-2">{t("colDomains")}</th>
            <th scope="col" className="p-2">{t("colDeadline")}</th>
            {showQuestion ? (
              <th scope="col" className="p-2">{t("colQuestion")}</th>
            ) : (
              <th scope="col" className="p-2">{t("colAssignee")}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const overdue = c.deadlineAt !== null && c.deadlineAt < now;
            return (
              <tr key={c.id} className="border-b border-slate-300 align-top">
                <td className="p-2 whitespace-nowrap">
                  <Link href={`/zaken/${c.number}`}>{c.number}</Link>
                </td>
                <td className="p-2">{c.childName}</td>
                <td className="p-2">{c.gemeente.name}</td>
                <td className="p-2">
                  <StatusBadge status={c.status} />
                </td>
                <td className="p-2">{tUrgency(c.urgency)}</td>
                <td className="p-2">{c.domains.map((d) => tDomain(d)).join(", ")}</td>
                <td className="p-2">
                  {c.deadlineAt ? format.dateTime(c.deadlineAt, { dateStyle: "medium" }) : t("noDeadline")}
                  {overdue && <strong className="ml-2 text-red-800">{t("overdue")}</strong>}
                </td>
                <td className="p-2">{showQuestion ? c.question : c.assigneeId ? t("assigned") : t("unassigned")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
