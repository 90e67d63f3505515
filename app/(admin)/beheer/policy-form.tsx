"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, valueOf } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import type { GemeentePolicy } from "@/lib/server/admin/manage-policy";

/**
 * The gemeente's privacy policy: how long closed cases keep their content,
 * and whether families see staff names in their access log. A rejected form
 * shows the message next to the field and keeps what the admin typed.
 */
export function PolicyForm({
  gemeenteId,
  policy,
  action,
}: {
  gemeenteId: string;
  policy: GemeentePolicy;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("admin.policy");
  const tForm = useTranslations("form");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  const range = { min: policy.min, max: policy.max, standard: policy.defaultMonths };
  const monthsId = `retention-${gemeenteId}`;
  const namesId = `staff-names-${gemeenteId}`;
  const error = feedback?.fieldErrors.retentionMonths;
  const months = feedback ? valueOf(feedback, "retentionMonths") : policy.retentionMonths === null ? "" : String(policy.retentionMonths);
  const namesOn = feedback ? valueOf(feedback, "familySeesStaffNames") === "on" : policy.familySeesStaffNames;
  return (
    <>
      <h3 className="text-xl font-bold">{t("title")}</h3>
      <form action={formAction} noValidate className="max-w-md">
        <FormMessage error={feedback?.error} />
        {state?.ok && (
          <p role="status" className="mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold">
            {t("saved")}
          </p>
        )}
        <input type="hidden" name="gemeenteId" value={gemeenteId} />
        <fieldset className="mb-6">
          <legend className="mb-1 text-lg font-bold">{t("retentionLegend")}</legend>
          <p className="mb-4 text-slate-700">{t("retentionIntro")}</p>
          <div className="mb-5">
            <label htmlFor={monthsId} className="block font-semibold">
              {t("retentionMonths")} <span className="font-normal text-slate-700">({tForm("optional")})</span>
            </label>
            <p id={`${monthsId}-hint`} className="text-sm text-slate-700">
              {t("retentionHint", range)}
            </p>
            {error && (
              <p id={`${monthsId}-error`} className="mt-1 text-sm font-semibold text-red-800">
                {t.has(`errors.${error}`) ? t(`errors.${error}`, range) : t("errors.retentionRange", range)}
              </p>
            )}
            <div className="mt-1 flex items-center gap-2">
              <input
                id={monthsId}
                name="retentionMonths"
                // Text, not number: a browser sends an unreadable number as "", which would silently mean "default".
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={months}
                aria-invalid={error ? true : undefined}
                aria-describedby={[`${monthsId}-hint`, error ? `${monthsId}-error` : null].filter(Boolean).join(" ")}
                className="block w-28 rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800"
              />
              <span aria-hidden="true">{t("months")}</span>
            </div>
          </div>
        </fieldset>
        <fieldset className="mb-6">
          <legend className="mb-1 text-lg font-bold">{t("namesLegend")}</legend>
          <p id={`${namesId}-hint`} className="mb-3 text-slate-700">
            {t("namesIntro")}
          </p>
          <div className="flex items-start gap-3">
            <input
              // Keyed by its value: React does not re-apply a changed defaultChecked when it resets the form.
              key={String(namesOn)}
              id={namesId}
              name="familySeesStaffNames"
              type="checkbox"
              defaultChecked={namesOn}
              aria-describedby={`${namesId}-hint`}
              className="mt-1 h-5 w-5 accent-teal-800"
            />
            <label htmlFor={namesId}>{t("familySeesStaffNames")}</label>
          </div>
        </fieldset>
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
    </>
  );
}
