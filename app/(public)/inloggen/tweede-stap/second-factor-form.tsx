"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

export function SecondFactorForm({ action, returnTo }: { action: (s: ActionState, f: FormData) => Promise<ActionState>; returnTo: string }) {
  const t = useTranslations("secondFactor");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <FormMessage error={feedback?.error} />
      <input type="hidden" name="terug" value={returnTo} />
      <TextField name="code" autoComplete="one-time-code" label={t("code")} hint={t("codeHint")} required feedback={feedback} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
