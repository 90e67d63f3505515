import { useFormatter, useTranslations } from "next-intl";
import { Table } from "./table";

export type AssignmentRow = { id: string; party: string; description: string; dueOn: Date; payer: string; status: string };

/** The assignments of a decision: who does what, by when, who pays, and how far it is. */
export function AssignmentsTable({ assignments }: { assignments: AssignmentRow[] }) {
  const t = useTranslations("assignments");
  const tStatus = useTranslations("assignmentStatus");
  const format = useFormatter();
  return (
    <Table className="mt-2 w-full border-collapse text-left" caption={t("caption")} columns={[t("party"), t("what"), t("due"), t("payer"), t("status")]}>
      <tbody>
        {assignments.map((a) => (
          <tr key={a.id} className="border-b border-slate-300 align-top">
            <td className="p-2">{a.party}</td>
            <td className="p-2">{a.description}</td>
            <td className="p-2">{format.dateTime(a.dueOn, { dateStyle: "long" })}</td>
            <td className="p-2">{a.payer}</td>
            <td className="p-2">{tStatus(a.status)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
