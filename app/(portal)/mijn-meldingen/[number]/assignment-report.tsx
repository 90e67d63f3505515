import { getFormatter, getTranslations } from "next-intl/server";
import { AssignmentStatusBadge, type AssignmentRow } from "@/components/assignments-table";
import { shownAssignmentStatus } from "@/lib/domain/monitoring";
import type { AssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { reportAssignmentAction } from "./assignment-report-actions";
import { AssignmentReportForm } from "./assignment-report-form";

/**
 * Per assignment of the decision in force, in plain words: how far it is, what
 * the gemeente wrote when it was settled, what the family reported, and the
 * form to say it did not happen.
 */
export async function AssignmentReports({
  caseId,
  caseNumber,
  assignments,
  followUp,
  canReport,
  now,
}: {
  caseId: string;
  caseNumber: string;
  assignments: AssignmentRow[];
  followUp: Map<string, AssignmentFollowUp>;
  /** The state machine and the permissions allow a report on this case */
  canReport: boolean;
  now: Date;
}) {
  const t = await getTranslations("monitoring");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const dueDay = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <ul aria-label={t("card.listLabel")} className="mt-4 space-y-4">
      {assignments.map((a) => {
        const extra = followUp.get(a.id);
        const shown = shownAssignmentStatus(a, now);
        const headingId = `assignment-${a.id}`;
        return (
          <li key={a.id} id={headingId} className="rounded border border-slate-300 bg-slate-50 p-4">
            <h4 className="flex flex-wrap items-center gap-3 text-lg font-bold">
              <span>{a.party}</span> <AssignmentStatusBadge status={shown} />
            </h4>
            <p className="mt-1 whitespace-pre-line">{a.description}</p>
            <p className="mt-2 text-lg">{t(`familyStatus.${shown}`, { date: dueDay(a.dueOn) })}</p>
            {a.status !== "OPEN" && extra?.statusAt && <p className="mt-1">{t("familyStatus.settledOn", { date: day(extra.statusAt) })}</p>}
            {a.status !== "OPEN" && extra?.statusNote && (
              <p className="mt-1 whitespace-pre-line">
                <strong>{t("familyStatus.note")}</strong> {extra.statusNote}
              </p>
            )}
            {extra && extra.reports.length > 0 && (
              <div className="mt-3">
                <h5 className="font-bold">{t("report.sentTitle")}</h5>
                <ul className="mt-1 space-y-2">
                  {extra.reports.map((r) => (
                    <li key={r.id} className={`rounded border-l-8 bg-white p-2 ${r.kind === "PROBLEM" || r.kind === "NOT_DONE" ? "border-amber-500" : "border-teal-700"}`}>
                      <p className="text-sm text-slate-700">
                        {r.byOrganisation
                          ? t(`report.byOrganisation.${r.kind}`, { name: r.reportedBy ?? a.party, date: day(r.createdAt) })
                          : t("report.sentOn", { date: day(r.createdAt) })}
                        {r.doneOn && ` ${t("report.doneOn", { date: dueDay(r.doneOn) })}`}
                      </p>
                      {r.note && <p className="whitespace-pre-line break-words">{r.note}</p>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {canReport && a.status !== "ENDED" && (
              <AssignmentReportForm caseId={caseId} caseNumber={caseNumber} assignmentId={a.id} action={reportAssignmentAction} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
