"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

export function RegisterForm({
  action,
  returnTo = null,
}: {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  /** Where to go after the account is made, e.g. back to an invitation */
  returnTo?: string | null;
}) {
  const t = useTranslations("register");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <FormMessage error={feedback?.error} />
      {returnTo && <input type="hidden" name="terug" value={returnTo} />}
      <TextField name="name" autoComplete="name" label={t("name")} required feedback={feedback} />
      <TextField name="email" type="email" autoComplete="email" label={t("email")} required feedback={feedback} />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("password")}
        hint={t("passwordHint")}
        required
        feedback={feedback}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
