"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, ChoiceField, SubmitButton, TextArea } from "@/components/form-fields";
// From inputs.ts, not monitoring.ts: the browser needs the lists, not the holiday calendar behind the rules.
import { closingResults } from "@/lib/domain/inputs";
import type { ActionState } from "@/lib/server/action";
import { EvaluationFields, type EvaluationDefaults } from "./evaluation-fields";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The message above a form about closing or an assignment: this part's own
 * messages first (`monitoring.errors`), else the shared ones. Announced to screen readers.
 */
export function MonitoringFormMessage({ error }: { error?: string | null }) {
  const t = useTranslations("monitoring.errors");
  const tShared = useTranslations("errors");
  if (!error) return null;
  return (
    <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
      {t.has(error) ? t(error) : tShared.has(error) ? tShared(error) : tShared("unexpected")}
    </div>
  );
}

/**
 * Closing a case: the result and a note for the family, and the evaluation
 * (causes, organisations, outcome, the day help started, what broke through),
 * starting from what the latest referral recorded. While an assignment of the
 * decision is open the form is not offered, as the server would refuse it.
 */
export function CloseForm({
  caseId,
  caseNumber,
  openAssignments,
  defaults,
  today,
  action,
}: {
  caseId: string;
  caseNumber: string;
  /** The causes and organisation kinds of the latest referral, if any */
  defaults: EvaluationDefaults;
  /** Today in Amsterdam as YYYY-MM-DD */
  today: string;
  /** Open assignments of the current decision; 0 when there is no decision */
  openAssignments: number;
  action: Action;
}) {
  const tTriage = useTranslations("triage");
  const t = useTranslations("monitoring");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <section aria-labelledby="a-close" className="rounded border border-slate-300 bg-white p-5">
      <h3 id="a-close" className="text-xl font-bold">
        {tTriage("close.title")}
      </h3>
      {openAssignments > 0 ? (
        <p className="mt-2 rounded border-l-8 border-amber-500 bg-amber-50 p-3">{t("close.openAssignments", { count: openAssignments })}</p>
      ) : (
        <>
          <p className="mt-1 mb-4">{tTriage("close.intro")}</p>
          <form action={formAction} noValidate className="mt-3">
            <MonitoringFormMessage error={feedback?.error} />
            <input type="hidden" name="caseId" value={caseId} />
            <input type="hidden" name="caseNumber" value={caseNumber} />
            <ChoiceField
              name="result"
              label={tTriage("close.result")}
              required
              feedback={feedback}
              options={closingResults.map((r) => ({ value: r, label: tTriage(`close.${r}`) }))}
            />
            <TextArea name="closingNote" label={tTriage("close.note")} hint={tTriage("close.noteHint")} required shownToFamily feedback={feedback} />
            <fieldset className="mb-5 rounded border border-slate-400 p-4">
              <legend className="px-1 text-lg font-bold">{t("close.evaluationTitle")}</legend>
              <p className="mb-4">{t("close.evaluationIntro")}</p>
              <EvaluationFields feedback={feedback} defaults={defaults} today={today} />
            </fieldset>
            <div className="mb-5 rounded border-l-8 border-amber-600 bg-amber-50 p-4">
              <p className="mb-3 font-semibold">{tTriage("close.whatHappens")}</p>
              <CheckboxField name="closingConfirmed" label={tTriage("close.confirm")} feedback={feedback} />
            </div>
            <SubmitButton>{tTriage("close.submit")}</SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}

/**
 * Refining the evaluation of a closed case, starting from what is stored. A
 * new day for the start of the help asks the family to confirm it again.
 */
export function RefineEvaluationForm({
  caseId,
  caseNumber,
  current,
  today,
  action,
}: {
  caseId: string;
  caseNumber: string;
  current: EvaluationDefaults;
  today: string;
  action: Action;
}) {
  const t = useTranslations("monitoring.refine");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <details className="rounded border border-slate-300 bg-white p-5" open={feedback !== undefined}>
      <summary className="cursor-pointer text-xl font-bold">{t("title")}</summary>
      <p className="mt-3">{t("intro")}</p>
      <form action={formAction} noValidate className="mt-4">
        <MonitoringFormMessage error={feedback?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        <EvaluationFields feedback={feedback} defaults={current} today={today} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </details>
  );
}
