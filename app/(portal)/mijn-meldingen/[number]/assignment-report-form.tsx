"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextArea, type FormFeedback } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

/** "Dit is niet gebeurd": the family tells the gemeente an assignment was not carried out. */
export function AssignmentReportForm({
  caseId,
  caseNumber,
  assignmentId,
  action,
}: {
  caseId: string;
  caseNumber: string;
  assignmentId: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("monitoring.report");
  const [state, formAction] = useActionState(action, null);
  const failed = state?.ok === false ? state : undefined;
  const noteField = `reportNote-${assignmentId}`;
  // The schema names the field "reportNote"; on this page it carries the assignment's id.
  const feedback: FormFeedback | undefined = failed && {
    values: failed.values,
    fieldErrors: Object.fromEntries(Object.entries(failed.fieldErrors).map(([field, error]) => [field === "reportNote" ? noteField : field, error])),
  };
  return (
    <>
      {/* Always in the page, so that screen readers announce the text when it appears. */}
      <p role="status" className={state?.ok ? "mt-3 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold" : "sr-only"}>
        {state?.ok ? t("sent") : ""}
      </p>
      <details className="mt-3 rounded border border-slate-300 bg-white p-4" open={failed !== undefined}>
        <summary className="cursor-pointer text-lg font-bold">{t("title")}</summary>
        <p className="mt-2">{t("intro")}</p>
        <form action={formAction} noValidate className="mt-3">
          <FormMessage error={failed?.error} />
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="caseNumber" value={caseNumber} />
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <TextArea name={noteField} label={t("note")} hint={t("noteHint")} required rows={3} feedback={feedback} />
          <SubmitButton>{t("submit")}</SubmitButton>
        </form>
      </details>
    </>
  );
}
