"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { ChoiceField, FormMessage, SelectField, SubmitButton, TextArea, TextField, type FormFeedback } from "@/components/form-fields";
import { labelOf, organisationKinds } from "@/lib/domain/causes";
import { directoryKinds, schoolSectors, type DirectoryOwner } from "@/lib/domain/organisations";
import type { ActionState } from "@/lib/server/action";
import type { DirectoryEntry } from "@/lib/server/admin/manage-organisations";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type EntryValues = Omit<DirectoryEntry, "gemeenteId" | "regionId" | "archivedAt">;

/** The fields of one entry; `prefix` keeps the ids of several forms on the page apart. */
function EntryFields({ prefix, entry, feedback }: { prefix: string; entry?: EntryValues; feedback: FormFeedback | undefined }) {
  const t = useTranslations("organisations");
  const locale = useLocale();
  return (
    <>
      <SelectField
        id={`${prefix}-kind`}
        name="kind"
        label={t("kind")}
        required
        placeholder={t("kindPlaceholder")}
        initial={entry?.kind}
        feedback={feedback}
        options={directoryKinds.map((k) => ({ value: k, label: labelOf(organisationKinds, k, locale) }))}
      />
      <ChoiceField
        name="sector"
        label={t("sector")}
        hint={t("sectorHint")}
        initial={entry?.sector ?? undefined}
        feedback={feedback}
        options={[...schoolSectors.map((s) => ({ value: s, label: t(`sector_${s}`) })), { value: "", label: t("sector_none") }]}
      />
      <TextField id={`${prefix}-name`} name="name" label={t("name")} required initial={entry?.name} feedback={feedback} />
      <TextField id={`${prefix}-contactName`} name="contactName" label={t("contactName")} hint={t("contactNameHint")} initial={entry?.contactName ?? ""} feedback={feedback} />
      <TextField id={`${prefix}-email`} name="email" type="email" label={t("email")} hint={t("emailHint")} initial={entry?.email ?? ""} feedback={feedback} />
      <TextField id={`${prefix}-phone`} name="phone" type="tel" label={t("phone")} initial={entry?.phone ?? ""} feedback={feedback} />
      <TextArea id={`${prefix}-address`} name="address" label={t("address")} rows={2} initial={entry?.address ?? ""} feedback={feedback} />
    </>
  );
}

function Saved({ text }: { text: string }) {
  return (
    <p role="status" className="mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold [overflow-wrap:anywhere]">
      {text}
    </p>
  );
}

export function AddOrganisationForm({ owner, action }: { owner: DirectoryOwner; action: Action }) {
  const t = useTranslations("organisations");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <FormMessage error={feedback?.error} />
      {state?.ok && <Saved text={t("added")} />}
      <input type="hidden" name={owner.kind === "gemeente" ? "gemeenteId" : "regionId"} value={owner.id} />
      <EntryFields prefix={`new-${owner.id}`} feedback={feedback} />
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

/** Changing an entry, and archiving it: folded under its name until opened. */
export function EditOrganisationForm({ entry, action, archiveAction }: { entry: EntryValues; action: Action; archiveAction: Action }) {
  const t = useTranslations("organisations");
  const [state, formAction] = useActionState(action, null);
  const [archived, archive] = useActionState(archiveAction, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <details open={feedback !== undefined || archived?.ok === false || undefined}>
      <summary className="cursor-pointer font-semibold">{t("edit", { name: entry.name })}</summary>
      <form action={formAction} noValidate className="mt-3 max-w-xl">
        <FormMessage error={feedback?.error} />
        {state?.ok && <Saved text={t("saved")} />}
        <input type="hidden" name="organisationId" value={entry.id} />
        <EntryFields prefix={entry.id} entry={entry} feedback={feedback} />
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
      <form action={archive} noValidate className="mt-6 max-w-xl border-t border-slate-300 pt-4">
        <FormMessage error={archived?.ok === false ? archived.error : undefined} />
        <p className="mb-3">{t("archiveIntro")}</p>
        <input type="hidden" name="organisationId" value={entry.id} />
        <SubmitButton>{t("archive", { name: entry.name })}</SubmitButton>
      </form>
    </details>
  );
}

/** Which leerplicht / RMC entry is told of thuiszitters' cases, with the family's consent (decision 038). */
export function LeerplichtContactForm({
  gemeenteId,
  current,
  options,
  action,
}: {
  gemeenteId: string;
  current: string | null;
  options: { id: string; name: string }[];
  action: Action;
}) {
  const t = useTranslations("organisations");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate>
      {state?.ok && <Saved text={t("leerplichtSaved")} />}
      <FormMessage error={feedback?.error === "checkFields" ? null : feedback?.error} />
      <input type="hidden" name="gemeenteId" value={gemeenteId} />
      <SelectField
        id={`leerplicht-${gemeenteId}`}
        name="organisationId"
        label={t("leerplichtContact")}
        hint={t("leerplichtContactHint")}
        placeholder={t("leerplichtNone")}
        initial={current ?? ""}
        feedback={feedback}
        options={options.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SubmitButton>{t("leerplichtSubmit")}</SubmitButton>
    </form>
  );
}

/** Invites a person of a leerplicht office, RMC or samenwerkingsverband to a professional account (decision 040). */
export function InviteProfessionalForm({
  ownerId,
  options,
  action,
}: {
  ownerId: string;
  options: { id: string; name: string }[];
  action: (prev: ActionState<{ email: string }>, formData: FormData) => Promise<ActionState<{ email: string }>>;
}) {
  const t = useTranslations("organisations");
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} noValidate className="max-w-xl">
      <FormMessage error={feedback?.error} />
      {state?.ok && <Saved text={t("professionalInvited", { email: state.data.email })} />}
      <SelectField
        id={`professional-${ownerId}-organisation`}
        name="organisationId"
        label={t("professionalOrganisation")}
        required
        placeholder={t("professionalOrganisationPlaceholder")}
        feedback={feedback}
        options={options.map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField id={`professional-${ownerId}-name`} name="name" label={t("professionalName")} required feedback={feedback} />
      <TextField id={`professional-${ownerId}-email`} name="email" type="email" label={t("professionalEmail")} hint={t("professionalEmailHint")} required feedback={feedback} />
      <SubmitButton>{t("professionalSubmit")}</SubmitButton>
    </form>
  );
}
