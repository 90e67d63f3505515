import { useFormatter, useTranslations } from "next-intl";

export type AssignmentRow = { id: string; party: string; description: string; dueOn: Date; payer: string; status: string };

/** The assignments of a decision: who does what, by when, who pays, and how far it is. */
export function AssignmentsTable({ assignments }: { assignments: AssignmentRow[] }) {
  const t = useTranslations("assignments");
  const tStatus = useTranslations("assignmentStatus");
  const format = useFormatter();
  return (
    <table className="mt-2 w-full border-collapse text-left">
      <caption className="sr-only">{t("caption")}</caption>
      <thead>
        <tr className="border-b-2 border-slate-400">
          <th scope="col" className="p-2">{t("party")}</th>
          <th scope="col" className="p-2">{t("what")}</th>
          <th scope="col" className="p-2">{t("due")}</th>
          <th scope="col" className="p-2">{t("payer")}</th>
          <th scope="col" className="p-2">{t("status")}</th>
        </tr>
      </thead>
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
    </table>
  );
}
