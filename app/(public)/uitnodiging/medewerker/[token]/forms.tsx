"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import { StaffFormMessage } from "@/app/(admin)/beheer/staff-forms";

type Action = (s: ActionState, f: FormData) => Promise<ActionState>;

export function CreateStaffAccountForm({ action, token, name }: { action: Action; token: string; name: string }) {
  const t = useTranslations("staffadmin.accept");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="mt-4 max-w-md">
      <StaffFormMessage error={feedback?.error === "checkFields" ? null : feedback?.error} />
      <input type="hidden" name="token" value={token} />
      <TextField name="name" autoComplete="name" label={t("name")} required initial={name} feedback={feedback} />
      <TextField name="password" type="password" autoComplete="new-password" label={t("password")} hint={t("passwordHint")} required feedback={feedback} />
      <SubmitButton>{t("create")}</SubmitButton>
    </form>
  );
}

export function AcceptStaffInvitationForm({ action, token }: { action: Action; token: string }) {
  const t = useTranslations("staffadmin.accept");
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-4">
      <StaffFormMessage error={state?.ok === false ? state.error : null} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("acceptButton")}</SubmitButton>
    </form>
  );
}
