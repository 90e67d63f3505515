"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextArea } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

export function AnswerForm({
  caseId,
  caseNumber,
  question,
  askedOn,
  fromExpertTeam,
  action,
}: {
  caseId: string;
  caseNumber: string;
  question: string;
  askedOn: string;
  /** The region's expert team asked, not the gemeente */
  fromExpertTeam: boolean;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("family.answer");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <section aria-labelledby="question-title" className="rounded border-l-8 border-amber-500 bg-white p-5">
      <h2 id="question-title" className="text-2xl font-bold">
        {fromExpertTeam ? t("titleExpert") : t("title")}
      </h2>
      <p className="mt-2 text-sm font-semibold text-slate-700">{t("askedOn", { date: askedOn })}</p>
      <p className="mt-1 whitespace-pre-line text-lg">{question}</p>
      <form action={formAction} noValidate className="mt-4">
        <FormMessage error={feedback?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        <TextArea name="answer" label={t("answer")} hint={t("answerHint")} required feedback={feedback} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </section>
  );
}
