"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ChoiceField, SelectField, SubmitButton, TextField, valueOf } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";

type Action = (s: ActionState, f: FormData) => Promise<ActionState>;

/** A failed attempt's message: the staff pages' own wording first, then the shared one. */
export function StaffFormMessage({ error }: { error?: string | null }) {
  const t = useTranslations("staffadmin.errors");
  const tShared = useTranslations("errors");
  if (!error) return null;
  return (
    <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
      {t.has(error) ? t(error) : tShared.has(error) ? tShared(error) : tShared("unexpected")}
    </div>
  );
}

function Done({ children }: { children: string }) {
  return (
    <p role="status" className="mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold [overflow-wrap:anywhere]">
      {children}
    </p>
  );
}

export function InviteStaffForm({
  action,
  page,
  scope,
  roles,
}: {
  action: Action;
  page: string;
  scope: { kind: "gemeente" | "region"; id: string };
  roles: { value: string; label: string; hint: string }[];
}) {
  const t = useTranslations("staffadmin");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <StaffFormMessage error={feedback?.error} />
      {state?.ok && <Done>{t("invited", { email: sentTo(state.data) })}</Done>}
      <input type="hidden" name="page" value={page} />
      <input type="hidden" name="scopeKind" value={scope.kind} />
      <input type="hidden" name="scopeId" value={scope.id} />
      <TextField name="name" autoComplete="off" label={t("name")} required feedback={feedback} />
      <TextField name="email" type="email" autoComplete="off" label={t("email")} required feedback={feedback} />
      <ChoiceField name="role" label={t("role")} required options={roles} feedback={feedback} />
      <SubmitButton>{t("sendInvite")}</SubmitButton>
    </form>
  );
}

/** The address an invitation went to, as the action returns it. */
function sentTo(data: unknown): string {
  return typeof data === "object" && data !== null && "email" in data && typeof data.email === "string" ? data.email : "";
}

/** One button for one invitation (resend or revoke); its name says for whom. */
export function InvitationButton({
  action,
  page,
  invitationId,
  label,
  text,
  done,
}: {
  action: Action;
  page: string;
  invitationId: string;
  label: string;
  text: string;
  done: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-block">
      <input type="hidden" name="page" value={page} />
      <input type="hidden" name="invitationId" value={invitationId} />
      {state?.ok === false && <StaffFormMessage error={state.error} />}
      {state?.ok && <Done>{done}</Done>}
      <button
        type="submit"
        aria-label={label}
        className="rounded border-2 border-teal-800 px-3 py-1 font-semibold text-teal-900 hover:bg-teal-50 focus:outline-none focus:ring-4 focus:ring-amber-400"
      >
        {text}
      </button>
    </form>
  );
}

export function ChangeRoleForm({
  action,
  page,
  membershipId,
  roles,
}: {
  action: Action;
  page: string;
  membershipId: string;
  roles: { value: string; label: string }[];
}) {
  const t = useTranslations("staffadmin");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <StaffFormMessage error={feedback?.error === "checkFields" ? null : feedback?.error} />
      {state?.ok && <Done>{t("roleChanged")}</Done>}
      <input type="hidden" name="page" value={page} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <SelectField name="newRole" label={t("newRole")} required options={roles} feedback={feedback} />
      <SubmitButton>{t("changeRole")}</SubmitButton>
    </form>
  );
}

export function RemoveStaffForm({
  action,
  page,
  membershipId,
  colleagues,
  confirmText,
  hasCases,
}: {
  action: Action;
  page: string;
  membershipId: string;
  colleagues: { value: string; label: string }[];
  confirmText: string;
  hasCases: boolean;
}) {
  const t = useTranslations("staffadmin");
  const tErrors = useTranslations("errors");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  const choice = feedback?.values ? valueOf(feedback, "handOver") : "queue";
  const confirmError = feedback?.fieldErrors.confirm;
  return (
    <form action={formAction} noValidate className="max-w-md">
      <StaffFormMessage error={feedback?.error === "checkFields" ? null : feedback?.error} />
      <input type="hidden" name="page" value={page} />
      <input type="hidden" name="membershipId" value={membershipId} />
      {hasCases ? (
        <>
          <fieldset className="mb-5">
            <legend className="font-semibold">{t("handOverLegend")}</legend>
            <div className="mt-2 flex items-start gap-3">
              <input key={`q-${choice}`} id="handOver-queue" type="radio" name="handOver" value="queue" defaultChecked={choice !== "colleague"} className="mt-1 h-5 w-5 accent-teal-800" />
              <label htmlFor="handOver-queue">{t("handOverQueue")}</label>
            </div>
            {colleagues.length > 0 && (
              <div className="mt-2 flex items-start gap-3">
                <input key={`c-${choice}`} id="handOver-colleague" type="radio" name="handOver" value="colleague" defaultChecked={choice === "colleague"} className="mt-1 h-5 w-5 accent-teal-800" />
                <label htmlFor="handOver-colleague">{t("handOverColleague")}</label>
              </div>
            )}
          </fieldset>
          {colleagues.length > 0 && <SelectField name="colleague" label={t("colleague")} options={colleagues} placeholder={t("chooseColleague")} feedback={feedback} />}
        </>
      ) : (
        <input type="hidden" name="handOver" value="queue" />
      )}
      <div className="mb-5">
        {confirmError && (
          <p id="confirm-error" className="mt-1 text-sm font-semibold text-red-800">
            {tErrors.has(confirmError) ? tErrors(confirmError) : tErrors("invalid")}
          </p>
        )}
        <div className="flex items-start gap-3">
          <input
            id="confirm"
            name="confirm"
            type="checkbox"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "confirm-error" : undefined}
            className="mt-1 h-5 w-5 accent-teal-800"
          />
          <label htmlFor="confirm">{confirmText}</label>
        </div>
      </div>
      <button
        type="submit"
        className="rounded bg-red-800 px-5 py-3 font-semibold text-white hover:bg-red-900 focus:outline-none focus:ring-4 focus:ring-amber-400"
      >
        {t("remove")}
      </button>
    </form>
  );
}

export function ActivateForm({
  action,
  kind,
  options,
}: {
  action: Action;
  kind: "gemeente" | "region";
  options: { value: string; label: string }[];
}) {
  const t = useTranslations("staffadmin");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  const [idField, nameField, emailField] = kind === "gemeente" ? ["gemeenteId", "adminName", "adminEmail"] : ["regionId", "coordinatorName", "coordinatorEmail"];
  return (
    <form action={formAction} noValidate className="max-w-md">
      <StaffFormMessage error={feedback?.error === "checkFields" ? null : feedback?.error} />
      {state?.ok && <Done>{kind === "gemeente" ? t("gemeenteActivated", { email: sentTo(state.data) }) : t("teamActivated", { email: sentTo(state.data) })}</Done>}
      <SelectField
        name={idField!}
        label={kind === "gemeente" ? t("gemeente") : t("region")}
        required
        options={options}
        placeholder={kind === "gemeente" ? t("chooseGemeente") : t("chooseRegion")}
        feedback={feedback}
      />
      <TextField name={nameField!} autoComplete="off" label={kind === "gemeente" ? t("adminName") : t("coordinatorName")} required feedback={feedback} />
      <TextField name={emailField!} type="email" autoComplete="off" label={kind === "gemeente" ? t("adminEmail") : t("coordinatorEmail")} required feedback={feedback} />
      <SubmitButton>{kind === "gemeente" ? t("activateGemeente") : t("activateTeam")}</SubmitButton>
    </form>
  );
}
