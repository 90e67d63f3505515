"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextArea, TextField, type FormFeedback } from "@/components/form-fields";
import type { OrganisationReportKind } from "@/lib/domain/assignment-links";
import type { ActionState } from "@/lib/server/action";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState<{ kind: string }>>;

/**
 * One of the organisation's reports. Each form has its own field ids (the
 * kind is in them), so the three can stand on one page.
 */
export function ReportForm({ token, kind, today, action }: { token: string; kind: OrganisationReportKind; today: string; action: Action }) {
  const t = useTranslations("organisationTask");
  const [state, formAction] = useActionState(action, null);
  const failed = state?.ok === false ? state : undefined;
  const feedback: FormFeedback | undefined = failed && { values: failed.values, fieldErrors: failed.fieldErrors };
  const title = kind === "RECEIVED" ? "receivedTitle" : kind === "DONE" ? "doneTitle" : "problemTitle";
  const headingId = `report-${kind}`;
  return (
    <section aria-labelledby={headingId} className="mt-6 rounded border border-slate-400 bg-white p-5">
      <h2 id={headingId} className="text-xl font-bold">
        {t(title)}
      </h2>
      <p className="mt-1">{t(kind === "RECEIVED" ? "receivedIntro" : kind === "DONE" ? "doneIntro" : "problemIntro")}</p>
      <form action={formAction} noValidate className="mt-4">
        <FormMessage error={failed?.error} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="kind" value={kind} />
        {kind === "DONE" && (
          <>
            <TextField id="done-doneOn" name="doneOn" type="date" label={t("doneOn")} required initial={today} feedback={feedback} />
            <TextArea id="done-reportNote" name="reportNote" label={t("doneNote")} hint={t("doneNoteHint")} required rows={3} feedback={feedback} shownToFamily />
          </>
        )}
        {kind === "PROBLEM" && (
          <TextArea id="problem-reportNote" name="reportNote" label={t("problemNote")} hint={t("problemNoteHint")} required rows={3} feedback={feedback} shownToFamily />
        )}
        <SubmitButton>{t(kind === "RECEIVED" ? "receivedSubmit" : kind === "DONE" ? "doneSubmit" : "problemSubmit")}</SubmitButton>
      </form>
    </section>
  );
}
