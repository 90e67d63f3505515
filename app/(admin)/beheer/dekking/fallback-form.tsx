"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

type Fallback = { name: string; email: string; phone: string | null; url: string | null; hours: string | null } | null;

/** Where cases go when neither the gemeente nor its region works with the portal. */
export function FallbackForm({ fallback, action }: { fallback: Fallback; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const t = useTranslations("coverage.fallback");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <FormMessage error={feedback?.error} />
      {state?.ok && (
        <p role="status" className="mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold">
          {t("saved")}
        </p>
      )}
      <TextField name="name" label={t("name")} hint={t("nameHint")} required initial={fallback?.name ?? ""} feedback={feedback} />
      <TextField name="email" type="email" label={t("email")} hint={t("emailHint")} required initial={fallback?.email ?? ""} feedback={feedback} />
      <TextField name="phone" type="tel" label={t("phone")} initial={fallback?.phone ?? ""} feedback={feedback} />
      <TextField name="url" label={t("url")} initial={fallback?.url ?? ""} feedback={feedback} />
      <TextField name="hours" label={t("hours")} hint={t("hoursHint")} initial={fallback?.hours ?? ""} feedback={feedback} />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
