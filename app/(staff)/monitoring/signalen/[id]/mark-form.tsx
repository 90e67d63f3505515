"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ChoiceField, FormMessage, SubmitButton, TextArea, TextField } from "@/components/form-fields";
import { mayMark, signalMarks, type SignalStatus } from "@/lib/domain/signals";
import type { ActionState } from "@/lib/server/action";

/** What was done with a structural signal: the step, a note and the day. */
export function SignalMarkForm({
  signalId,
  status,
  note,
  actedOn,
  backHref,
  action,
}: {
  signalId: string;
  status: SignalStatus;
  note: string | null;
  actedOn: string | null;
  backHref: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("figures.signals");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  if (state?.ok) {
    return (
      <div role="status" className="rounded border-l-8 border-teal-800 bg-teal-50 p-4">
        <p className="font-semibold">{t("saved")}</p>
        <p className="mt-2">
          <Link href={backHref} className="font-semibold">
            {t("back")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <FormMessage error={feedback?.error} />
      <input type="hidden" name="signalId" value={signalId} />
      <ChoiceField
        name="status"
        label={t("markStatus")}
        required
        feedback={feedback}
        initial={status === "OPEN" ? undefined : status}
        options={signalMarks.filter((m) => mayMark(status, m)).map((m) => ({ value: m, label: t(`statuses.${m}`), hint: t(`statusHints.${m}`) }))}
      />
      <TextArea name="note" label={t("note")} hint={t("noteHint")} required feedback={feedback} initial={note ?? undefined} rows={5} />
      <TextField name="actedOn" type="date" label={t("actedOn")} hint={t("actedOnHint")} required feedback={feedback} initial={actedOn ?? undefined} />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton>{t("save")}</SubmitButton>
        <Link href={backHref} className="font-semibold">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
