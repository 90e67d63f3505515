"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ChoiceField, FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import { helpStartAnswers } from "@/lib/domain/inputs";
import type { ActionState } from "@/lib/server/action";

/**
 * The gemeente wrote down the day the help started; the family says whether
 * that is right, or gives the right day. Shown once per recorded day.
 */
export function HelpStartForm({
  caseId,
  caseNumber,
  recordedDay,
  action,
}: {
  caseId: string;
  caseNumber: string;
  /** The recorded day, written out for reading */
  recordedDay: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("family.helpStart");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <section aria-labelledby="help-start-title" className="rounded border-l-8 border-amber-500 bg-white p-5">
      <h2 id="help-start-title" className="text-2xl font-bold">{t("title")}</h2>
      <p className="mt-3 text-lg">{t("question", { date: recordedDay })}</p>
      <form action={formAction} noValidate className="mt-4">
        <FormMessage error={feedback?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        <ChoiceField
          name="answer"
          label={t("answer")}
          required
          feedback={feedback}
          options={helpStartAnswers.map((a) => ({ value: a, label: t(a, { date: recordedDay }) }))}
        />
        <TextField name="helpStartedOn" type="date" label={t("otherDay")} hint={t("otherDayHint")} feedback={feedback} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </section>
  );
}
