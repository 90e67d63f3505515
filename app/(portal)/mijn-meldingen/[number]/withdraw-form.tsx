"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextArea } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

export function WithdrawForm({
  caseId,
  caseNumber,
  action,
}: {
  caseId: string;
  caseNumber: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("family.withdraw");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <details className="rounded border border-slate-300 bg-white p-5" open={feedback !== undefined}>
      <summary className="cursor-pointer text-xl font-bold">{t("title")}</summary>
      <p className="mt-3">{t("intro")}</p>
      <form action={formAction} noValidate className="mt-4">
        <FormMessage error={feedback?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} required feedback={feedback} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </details>
  );
}
