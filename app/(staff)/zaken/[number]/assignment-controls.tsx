import { getFormatter, getTranslations } from "next-intl/server";
import { AssignmentStatusBadge, type AssignmentRow } from "@/components/assignments-table";
import { linkState } from "@/lib/domain/assignment-links";
import { shownAssignmentStatus } from "@/lib/domain/monitoring";
import type { ActionState } from "@/lib/server/action";
import type { AssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { AssignmentLinkForm } from "./assignment-link-form";
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
  canManageLinks,
  now,
  action,
  linkActions,
}: {
  caseId: string;
  caseNumber: string;
  assignments: (AssignmentRow & { overdueAt: Date | null })[];
  followUp: Map<string, AssignmentFollowUp>;
  /** The state machine and the permissions allow settling, and the decision is the current one */
  canSettle: boolean;
  /** The actor may send and stop organisations' links, and the decision is the current one */
  canManageLinks: boolean;
  now: Date;
  action: Action;
  linkActions: { resend: Action; revoke: Action };
}) {
  const t = await getTranslations("monitoring.card");
  const tLink = await getTranslations("monitoring.link");
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
            {extra?.forOrganisation && (
              <div className="mt-3">
                <h4 className="font-bold">{tLink("title")}</h4>
                {extra.links.length === 0 ? (
                  <p className="mt-1">{tLink("none")}</p>
                ) : (
                  <ul className="mt-1 space-y-1">
                    {extra.links.map((l) => (
                      <li key={l.id} className="break-words">
                        {tLink(`state.${linkState(l, now)}`, { email: l.email, sent: moment(l.createdAt), until: day(l.expiresAt) })}
                      </li>
                    ))}
                  </ul>
                )}
                {extra.receivedAt && <p className="mt-1 font-semibold">{tLink("received", { date: moment(extra.receivedAt) })}</p>}
                {canManageLinks && a.status === "OPEN" && (
                  <div className="flex flex-wrap gap-x-4">
                    {extra.organisationReachable && (
                      <AssignmentLinkForm caseId={caseId} caseNumber={caseNumber} assignmentId={a.id} label={tLink("resend")} action={linkActions.resend} />
                    )}
                    {extra.links.some((l) => linkState(l, now) === "open") && (
                      <AssignmentLinkForm caseId={caseId} caseNumber={caseNumber} assignmentId={a.id} label={tLink("revoke")} action={linkActions.revoke} />
                    )}
                  </div>
                )}
              </div>
            )}
            <h4 className="mt-3 font-bold">{t("reportsTitle")}</h4>
            {extra && extra.reports.length > 0 ? (
              <ul className="mt-1 space-y-2">
                {extra.reports.map((r) => (
                  <li key={r.id} className={`rounded border-l-8 bg-white p-2 ${r.kind === "PROBLEM" || r.kind === "NOT_DONE" ? "border-amber-500" : "border-teal-700"}`}>
                    <p className="text-sm text-slate-700">
                      <strong>{t(`reportKind.${r.kind}`)}</strong> · {t("reportMeta", { date: moment(r.createdAt), name: r.reportedBy ?? t("unknown") })}
                      {r.doneOn && ` · ${t("doneOn", { date: dueDay(r.doneOn) })}`}
                    </p>
                    {r.note && <p className="whitespace-pre-line break-words">{r.note}</p>}
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
