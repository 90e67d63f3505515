import { useFormatter, useTranslations } from "next-intl";
import { shownAssignmentStatus, type AssignmentStatus, type ShownAssignmentStatus } from "@/lib/domain/monitoring";
import { Table } from "./table";

export type AssignmentRow = { id: string; party: string; description: string; dueOn: Date; payer: string; status: AssignmentStatus };

const badgeClass: Record<ShownAssignmentStatus, string> = {
  open: "bg-teal-100 text-teal-950",
  overdue: "bg-red-100 text-red-900 border border-red-800",
  done: "bg-slate-200 text-slate-900",
  ended: "bg-slate-200 text-slate-900",
};

/** An assignment's status as people see it: open, overdue (its day has passed), done or ended. */
export function AssignmentStatusBadge({ status }: { status: ShownAssignmentStatus }) {
  const t = useTranslations("monitoring.status");
  return <span className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${badgeClass[status]}`}>{t(status)}</span>;
}

/**
 * The assignments of a decision: who does what, by when, who pays, and how far
 * it is. `now` is the moment the page was made, so that "overdue" is the same
 * for every row.
 */
export function AssignmentsTable({ assignments, now = new Date() }: { assignments: AssignmentRow[]; now?: Date }) {
  const t = useTranslations("assignments");
  const format = useFormatter();
  return (
    <Table className="mt-2 w-full border-collapse text-left" caption={t("caption")} columns={[t("party"), t("what"), t("due"), t("payer"), t("status")]}>
      <tbody>
        {assignments.map((a) => (
          <tr key={a.id} className="border-b border-slate-300 align-top">
            <td className="p-2">{a.party}</td>
            <td className="p-2">{a.description}</td>
            <td className="p-2">{format.dateTime(a.dueOn, { dateStyle: "long", timeZone: "UTC" })}</td>
            <td className="p-2">{a.payer}</td>
            <td className="p-2">
              <AssignmentStatusBadge status={shownAssignmentStatus(a, now)} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
