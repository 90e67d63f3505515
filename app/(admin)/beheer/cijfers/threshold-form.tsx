"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

type Range = { min: number; max: number; default: number };

/** The threshold below which the figures show no count, and the one from which a cause is a structural signal. */
export function ThresholdForm({
  threshold,
  range,
  signalThreshold,
  signalRange,
  action,
}: {
  threshold: number;
  range: Range;
  signalThreshold: number;
  signalRange: Range;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("figures.admin");
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
      <TextField
        name="threshold"
        label={t("threshold")}
        hint={t("thresholdHint", range)}
        required
        initial={String(threshold)}
        feedback={feedback}
      />
      <TextField
        name="signalThreshold"
        label={t("signalThreshold")}
        hint={t("signalThresholdHint", signalRange)}
        required
        initial={String(signalThreshold)}
        feedback={feedback}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
