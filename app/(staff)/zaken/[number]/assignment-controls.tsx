import { getFormatter, getTranslations } from "next-intl/server";
import { AssignmentStatusBadge, type AssignmentRow } from "@/components/assignments-table";
import { shownAssignmentStatus } from "@/lib/domain/monitoring";
import type { ActionState } from "@/lib/server/action";
import type { AssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { SettleAssignmentForm } from "./settle-assignment-form";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Per assignment of a decision: its status, due date, how it was settled, what
 * the family reported, and (for an open one, when the actor may) the form to
 * settle it.
 */
export async function AssignmentControls({
  caseId,
  caseNumber,
  assignments,
  followUp,
  canSettle,
  now,
  action,
}: {
  caseId: string;
  caseNumber: string;
  assignments: (AssignmentRow & { overdueAt: Date | null })[];
  followUp: Map<string, AssignmentFollowUp>;
  /** The state machine and the permissions allow settling, and the decision is the current one */
  canSettle: boolean;
  now: Date;
  action: Action;
}) {
  const t = await getTranslations("monitoring.card");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const dueDay = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ul aria-label={t("listLabel")} className="mt-4 space-y-4">
      {assignments.map((a) => {
        const extra = followUp.get(a.id);
        const shown = shownAssignmentStatus(a, now);
        const headingId = `assignment-${a.id}`;
        return (
          <li key={a.id} aria-labelledby={headingId} className="rounded border border-slate-300 bg-slate-50 p-4">
            <h3 id={headingId} className="flex flex-wrap items-center gap-3 text-lg font-bold">
              <span>{a.party}</span> <AssignmentStatusBadge status={shown} />
            </h3>
            <p className="mt-1 whitespace-pre-line">{a.description}</p>
            <p className="mt-1">
              <strong>{t("due")}:</strong> {dueDay(a.dueOn)} · <strong>{t("payer")}:</strong> {a.payer}
            </p>
            {a.overdueAt && a.status === "OPEN" && <p className="mt-1 font-semibold text-red-900">{t("overdueSince", { date: day(a.overdueAt) })}</p>}
            {a.status !== "OPEN" && extra?.statusAt && (
              <div className="mt-2">
                <p className="font-semibold">
                  {t(a.status === "DONE" ? "settledDone" : "settledEnded", { date: moment(extra.statusAt), name: extra.statusBy ?? t("unknown") })}
                </p>
                {extra.statusNote && (
                  <p className="whitespace-pre-line">
                    <strong>{t(a.status === "DONE" ? "evidence" : "reason")}:</strong> {extra.statusNote}
                  </p>
                )}
              </div>
            )}
            <h4 className="mt-3 font-bold">{t("reportsTitle")}</h4>
            {extra && extra.reports.length > 0 ? (
              <ul className="mt-1 space-y-2">
                {extra.reports.map((r) => (
                  <li key={r.id} className="rounded border-l-8 border-amber-500 bg-white p-2">
                    <p className="text-sm text-slate-700">{t("reportMeta", { date: moment(r.createdAt), name: r.reportedBy ?? t("unknown") })}</p>
                    <p className="whitespace-pre-line">{r.note}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1">{t("noReports")}</p>
            )}
            {canSettle && a.status === "OPEN" && <SettleAssignmentForm caseId={caseId} caseNumber={caseNumber} assignmentId={a.id} action={action} />}
          </li>
        );
      })}
    </ul>
  );
}
