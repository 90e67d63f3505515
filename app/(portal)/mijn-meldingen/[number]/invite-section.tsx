"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import type { CaseInvitations } from "@/lib/server/invitations/list-invitations";
import { inviteAction, revokeInvitationAction } from "./invite-actions";

const inputClass =
  "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800";

/** An error key from a service: this section's own words first, then the shared ones. */
function useErrorText() {
  const tOwn = useTranslations("invitations.errors");
  const tShared = useTranslations("errors");
  return (key: string, fallback: "invalid" | "unexpected") =>
    tOwn.has(key) ? tOwn(key) : tShared.has(key) ? tShared(key) : tShared(fallback);
}

function valueOf(state: ActionState<unknown>, name: string): string {
  const v = state?.ok === false ? state.values[name] : undefined;
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/**
 * On the family's case page, for whoever may invite on this case: who is on
 * the case, the invitations still open, and a form to invite a client
 * supporter, a professional or (for the family) another parent.
 */
export function InviteSection({ caseId, caseNumber, data }: { caseId: string; caseNumber: string; data: CaseInvitations }) {
  const t = useTranslations("invitations");
  const format = useFormatter();
  const errorText = useErrorText();
  const [state, formAction] = useActionState(inviteAction, null);
  const [revokeState, revokeAction] = useActionState(revokeInvitationAction, null);
  const failed = state?.ok === false ? state : undefined;
  const emailError = failed?.fieldErrors.email;
  const roleError = failed?.fieldErrors.role;
  const chosenRole = valueOf(state, "role");
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Europe/Amsterdam" });
  const roleName = (role: string) => (t.has(`partyRole.${role}`) ? t(`partyRole.${role}`) : t("partyRole.OTHER"));

  return (
    <section aria-labelledby="invite-title" className="rounded border border-slate-300 bg-white p-5">
      <h2 id="invite-title" className="text-2xl font-bold">
        {t("section.title")}
      </h2>
      <p className="mt-2">{t("section.intro")}</p>

      <h3 className="mt-5 text-xl font-bold">{t("section.peopleTitle")}</h3>
      <ul className="mt-2 list-disc pl-6">
        {data.people.map((p) => (
          <li key={p.id}>
            {p.name}
            {p.organisation ? `, ${p.organisation}` : ""} ({roleName(p.role)}){p.isYou ? ` ${t("section.you")}` : ""}
          </li>
        ))}
      </ul>

      <h3 className="mt-5 text-xl font-bold">{t("section.invitationsTitle")}</h3>
      {revokeState?.ok === true && (
        <p role="status" className="mt-2 font-semibold text-teal-900">
          {t("section.revoked")}
        </p>
      )}
      {revokeState?.ok === false && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {errorText(revokeState.error, "unexpected")}
        </p>
      )}
      {data.invitations.length === 0 ? (
        <p className="mt-2">{t("section.noInvitations")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {data.invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-3">
              <span>
                <strong>{i.email}</strong>{" "}
                {i.state === "open"
                  ? t("section.openInvitation", { role: roleName(i.role), date: day(i.expiresAt) })
                  : t("section.expiredInvitation", { role: roleName(i.role) })}
              </span>
              {i.state === "open" && (
                <form action={revokeAction}>
                  <input type="hidden" name="caseId" value={caseId} />
                  <input type="hidden" name="caseNumber" value={caseNumber} />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button
                    type="submit"
                    aria-label={t("section.revokeLabel", { email: i.email })}
                    className="rounded border-2 border-slate-700 px-3 py-1 font-semibold hover:bg-slate-100 focus:outline-none focus:ring-4 focus:ring-amber-400"
                  >
                    {t("section.revoke")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}

      {!data.caseOpen ? (
        <>
          <h3 className="mt-6 text-xl font-bold">{t("section.formTitle")}</h3>
          <p className="mt-2">{t("section.closed")}</p>
        </>
      ) : (
        // Folded until wanted, and open while it holds an answer, so that its message is seen.
        <details open={state !== null || undefined} className="mt-6">
          <summary className="cursor-pointer">
            <h3 className="inline text-xl font-bold">{t("section.formTitle")}</h3>
          </summary>
        <form action={formAction} noValidate className="mt-3 max-w-xl">
          {state?.ok === true && (
            <p role="status" className="mb-5 rounded border-l-8 border-teal-800 bg-teal-50 p-4 font-semibold text-teal-900">
              {t("section.sent", { email: state.data.email })}
            </p>
          )}
          {failed && (
            <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
              {errorText(failed.error, "unexpected")}
            </div>
          )}
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="caseNumber" value={caseNumber} />

          <div className="mb-5">
            <label htmlFor="invite-email" className="block font-semibold">
              {t("section.email")}
            </label>
            <p id="invite-email-hint" className="text-sm text-slate-700">
              {t("section.emailHint")}
            </p>
            {emailError && (
              <p id="invite-email-error" className="mt-1 text-sm font-semibold text-red-800">
                {errorText(emailError, "invalid")}
              </p>
            )}
            <input
              id="invite-email"
              name="email"
              type="email"
              autoComplete="off"
              required
              defaultValue={valueOf(state, "email")}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? "invite-email-hint invite-email-error" : "invite-email-hint"}
              className={inputClass}
            />
          </div>

          <fieldset
            className="mb-5"
            aria-invalid={roleError ? true : undefined}
            aria-describedby={roleError ? "invite-role-error" : undefined}
          >
            <legend className="font-semibold">{t("section.role")}</legend>
            {roleError && (
              <p id="invite-role-error" className="mt-1 text-sm font-semibold text-red-800">
                {errorText(roleError, "invalid")}
              </p>
            )}
            <div className="mt-2 space-y-3">
              {data.invitableRoles.map((role) => (
                <div key={role} className="flex items-start gap-3">
                  <input
                    key={String(chosenRole === role)}
                    id={`invite-role-${role}`}
                    type="radio"
                    name="role"
                    value={role}
                    defaultChecked={chosenRole === role}
                    className="mt-1 h-5 w-5 accent-teal-800"
                  />
                  <label htmlFor={`invite-role-${role}`}>
                    {t(`roleOption.${role}`)}
                    <span className="block text-sm text-slate-700">
                      {t(`roleOption.${role}_hint`)}
                    </span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <SubmitButton>{t("section.submit")}</SubmitButton>
        </form>
        </details>
      )}

      <h3 className="mt-6 text-xl font-bold">{t("section.supporterTitle")}</h3>
      <p className="mt-2">{t("section.supporterText")}</p>
    </section>
  );
}
