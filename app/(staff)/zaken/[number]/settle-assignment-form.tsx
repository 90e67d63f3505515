"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ChoiceField, SubmitButton, TextArea, type FormFeedback } from "@/components/form-fields";
import { assignmentOutcomes } from "@/lib/domain/inputs";
import type { ActionState } from "@/lib/server/action";
import { MonitoringFormMessage } from "./close-form";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The fields carry the assignment's id in their names, so that several forms
 * on one page never share an element id; the action reads them back by it.
 */
function settleFieldName(field: "outcome" | "statusNote", assignmentId: string): string {
  return `${field}-${assignmentId}`;
}

/** Staff mark one open assignment as done (with what shows it) or ended (with why). */
export function SettleAssignmentForm({
  caseId,
  caseNumber,
  assignmentId,
  action,
}: {
  caseId: string;
  caseNumber: string;
  assignmentId: string;
  action: Action;
}) {
  const t = useTranslations("monitoring.settle");
  const [state, formAction] = useActionState(action, null);
  const failed = state?.ok === false ? state : undefined;
  // The service names the fields as the schema does; here they carry the assignment's id.
  const feedback: FormFeedback | undefined = failed && {
    values: failed.values,
    fieldErrors: Object.fromEntries(
      Object.entries(failed.fieldErrors).map(([field, error]) =>
        field === "outcome" || field === "statusNote" ? [settleFieldName(field, assignmentId), error] : [field, error],
      ),
    ),
  };
  const headingId = `settle-${assignmentId}`;
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded border border-slate-300 p-4">
      <h4 id={headingId} className="text-lg font-bold">
        {t("title")}
      </h4>
      <form action={formAction} noValidate className="mt-3">
        <MonitoringFormMessage error={failed?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <ChoiceField
          name={settleFieldName("outcome", assignmentId)}
          label={t("outcome")}
          required
          feedback={feedback}
          options={assignmentOutcomes.map((o) => ({ value: o, label: t(o) }))}
        />
        <TextArea name={settleFieldName("statusNote", assignmentId)} label={t("note")} hint={t("noteHint")} required rows={3} feedback={feedback} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </section>
  );
}
