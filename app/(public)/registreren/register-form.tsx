"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { RequestSignUpState } from "./actions";

export function RegisterForm({
  action,
  returnTo = null,
}: {
  action: (s: RequestSignUpState, f: FormData) => Promise<RequestSignUpState>;
  /** Where to go once the account is made, e.g. back to an invitation */
  returnTo?: string | null;
}) {
  const t = useTranslations("register");
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <section role="status" aria-labelledby="sent-title" className="max-w-prose rounded border-l-8 border-teal-800 bg-teal-50 p-5">
        <h2 id="sent-title" className="text-2xl font-bold">
          {t("sentTitle")}
        </h2>
        <p className="mt-2 text-lg">{t("sentBody", { email: state.data.email })}</p>
        <p className="mt-2">{t("sentNoMail")}</p>
      </section>
    );
  }
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <FormMessage error={feedback?.error} />
      {returnTo && <input type="hidden" name="terug" value={returnTo} />}
      <TextField name="email" type="email" autoComplete="email" label={t("email")} required feedback={feedback} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
