"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, valueOf } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import type { GemeenteNorms } from "@/lib/server/admin/manage-norms";

/**
 * The gemeente admin's deadline norms: one field per step that has a clock.
 * Empty means the default. A change counts for cases that enter the step
 * afterwards; the form says so, because a running deadline does not move.
 */
export function NormsForm({
  gemeenteId,
  norms,
  action,
}: {
  gemeenteId: string;
  norms: GemeenteNorms;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("deadlines");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  const range = { min: norms.min, max: norms.max };
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
          <legend className="mb-1 text-lg font-bold">{t("legend")}</legend>
          <p className="mb-2 text-slate-700">{t("intro", range)}</p>
          <p className="mb-4 font-semibold">{t("fromNowOn")}</p>
          {norms.steps.map(({ status, own, standard }) => {
            const id = `norm-${gemeenteId}-${status}`;
            const error = feedback?.fieldErrors[status];
            const value = feedback ? valueOf(feedback, status) : own === null ? "" : String(own);
            return (
              <div key={status} className="mb-5">
                <label htmlFor={id} className="block font-semibold">
                  {t(`step.${status}`)} <span className="font-normal text-slate-700">({t("optional")})</span>
                </label>
                <p id={`${id}-hint`} className="text-sm text-slate-700">
                  {t("standard", { days: standard })}
                </p>
                {error && (
                  <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
                    {t.has(`errors.${error}`) ? t(`errors.${error}`, range) : t("errors.normRange", range)}
                  </p>
                )}
                <div className="mt-1 flex items-center gap-2">
                  <input
                    id={id}
                    name={status}
                    // Text, not number: a browser sends an unreadable number as "", which would silently mean "default".
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={value}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
                    className="block w-28 rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800"
                  />
                  <span aria-hidden="true">{t("workingDays")}</span>
                </div>
              </div>
            );
          })}
        </fieldset>
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
    </>
  );
}
