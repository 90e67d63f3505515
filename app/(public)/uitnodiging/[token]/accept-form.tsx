"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

export function AcceptForm({ token, action }: { token: string; action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const t = useTranslations("invitations");
  const tShared = useTranslations("errors");
  const [state, formAction] = useActionState(action, null);
  const error = state?.ok === false ? state.error : null;
  return (
    <form action={formAction} className="mt-4">
      {error && (
        <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
          {t.has(`errors.${error}`) ? t(`errors.${error}`) : tShared.has(error) ? tShared(error) : tShared("unexpected")}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("page.accept")}</SubmitButton>
    </form>
  );
}
