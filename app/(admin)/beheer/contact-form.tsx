"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

type Contact = {
  id: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactHours: string | null;
  clientSupportName: string | null;
  clientSupportPhone: string | null;
  clientSupportUrl: string | null;
  ombudsmanName: string | null;
  ombudsmanUrl: string | null;
};

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
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-bold">{t("contactLegend")}</legend>
        <TextField name="contactName" label={t("contactName")} initial={gemeente.contactName ?? ""} feedback={feedback} />
        <TextField name="contactEmail" type="email" label={t("contactEmail")} initial={gemeente.contactEmail ?? ""} feedback={feedback} />
        <TextField name="contactPhone" type="tel" label={t("contactPhone")} initial={gemeente.contactPhone ?? ""} feedback={feedback} />
        <TextField
          name="contactHours"
          label={t("contactHours")}
          hint={t("contactHoursHint")}
          initial={gemeente.contactHours ?? ""}
          feedback={feedback}
        />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-1 text-lg font-bold">{t("clientSupportLegend")}</legend>
        <p className="mb-3 text-slate-700">{t("clientSupportIntro")}</p>
        <TextField name="clientSupportName" label={t("clientSupportName")} initial={gemeente.clientSupportName ?? ""} feedback={feedback} />
        <TextField
          name="clientSupportPhone"
          type="tel"
          label={t("clientSupportPhone")}
          initial={gemeente.clientSupportPhone ?? ""}
          feedback={feedback}
        />
        <TextField
          name="clientSupportUrl"
          label={t("clientSupportUrl")}
          hint={t("clientSupportUrlHint")}
          initial={gemeente.clientSupportUrl ?? ""}
          feedback={feedback}
        />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-1 text-lg font-bold">{t("ombudsmanLegend")}</legend>
        <p className="mb-3 text-slate-700">{t("ombudsmanIntro")}</p>
        <TextField name="ombudsmanName" label={t("ombudsmanName")} initial={gemeente.ombudsmanName ?? ""} feedback={feedback} />
        <TextField name="ombudsmanUrl" label={t("ombudsmanUrl")} hint={t("clientSupportUrlHint")} initial={gemeente.ombudsmanUrl ?? ""} feedback={feedback} />
      </fieldset>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
