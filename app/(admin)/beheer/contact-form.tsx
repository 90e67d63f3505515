"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

type Contact = { id: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null };

export function ContactForm({
  gemeente,
  action,
}: {
  gemeente: Contact;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("admin");
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
      <input type="hidden" name="gemeenteId" value={gemeente.id} />
      <TextField name="contactName" label={t("contactName")} initial={gemeente.contactName ?? ""} feedback={feedback} />
      <TextField name="contactEmail" type="email" label={t("contactEmail")} initial={gemeente.contactEmail ?? ""} feedback={feedback} />
      <TextField name="contactPhone" type="tel" label={t("contactPhone")} initial={gemeente.contactPhone ?? ""} feedback={feedback} />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
