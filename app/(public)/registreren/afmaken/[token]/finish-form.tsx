"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

export function FinishSignUpForm({ action, token }: { action: (s: ActionState, f: FormData) => Promise<ActionState>; token: string }) {
  const t = useTranslations("register");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <FormMessage error={feedback?.error === "checkFields" ? null : feedback?.error} />
      <input type="hidden" name="token" value={token} />
      <TextField name="name" autoComplete="name" label={t("name")} required feedback={feedback} />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("password")}
        hint={t("passwordHint")}
        required
        feedback={feedback}
      />
      <SubmitButton>{t("finishSubmit")}</SubmitButton>
    </form>
  );
}
