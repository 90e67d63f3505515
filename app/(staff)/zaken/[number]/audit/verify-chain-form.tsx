"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import type { TrailVerification } from "@/lib/server/audit/verify-audit-trail";

type Action = (prev: ActionState<TrailVerification>, formData: FormData) => Promise<ActionState<TrailVerification>>;

/**
 * One button that recomputes the chain of this case. The outcome appears in a
 * status region that is on the page from the start, so screen readers announce it.
 */
export function VerifyChainForm({ caseNumber, action }: { caseNumber: string; action: Action }) {
  const t = useTranslations("audit.verify");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [state, formAction] = useActionState(action, null);
  const result = state?.ok ? state.data : null;
  // The time changes with every check, so a second check with the same outcome is announced too.
  const at = result ? format.dateTime(new Date(result.verifiedAt), { timeStyle: "medium" }) : "";
  return (
    <div>
      <form action={formAction}>
        <input type="hidden" name="caseNumber" value={caseNumber} />
        <SubmitButton>{t("button")}</SubmitButton>
      </form>
      <div role="status" className="mt-3">
        {result &&
          (result.broken === null ? (
            <div className="rounded border-l-8 border-teal-800 bg-teal-50 p-3 text-teal-950">
              <p className="font-semibold">{t("whole", { count: result.checked })}</p>
              <p>{t("checkedAt", { time: at })}</p>
            </div>
          ) : (
            <div className="rounded border-l-8 border-red-800 bg-red-50 p-3 text-red-950">
              <p className="font-semibold">{t("broken", { seq: result.broken.seq })}</p>
              <p>{result.broken.kind === "head" && result.broken.seq === 0 ? t("kind.headEmpty") : t(`kind.${result.broken.kind}`, { seq: result.broken.seq })}</p>
              <p>
                {t("checked", { count: result.checked })} {t("checkedAt", { time: at })}
              </p>
            </div>
          ))}
        {state?.ok === false && (
          <p className="rounded border-l-8 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
            {tErrors.has(state.error) ? tErrors(state.error) : tErrors("unexpected")}
          </p>
        )}
      </div>
    </div>
  );
}
