"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import {
  CheckboxField,
  ChoiceField,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FormFeedback,
} from "@/components/form-fields";
import { consentMethods } from "@/lib/domain/consent";
import { contactPreferences, domains, filerRoles, urgencies } from "@/lib/domain/inputs";
import { livingSituations, requiredAnswer, type LivingSituation } from "@/lib/domain/woonplaats";
import type { ActionState } from "@/lib/server/action";

type Props = {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  gemeenten: { cbsCode: string; name: string; commonName: string | null }[];
  allowedFilerRoles: (typeof filerRoles)[number][];
  submissionId: string;
  /** What the person typed before, saved on the server */
  draft: Record<string, string | string[] | undefined> | null;
  saveDraft: (formData: FormData) => Promise<boolean>;
};

const SAVE_DELAY_MS = 800;

export function FileCaseForm({ action, gemeenten, allowedFilerRoles, submissionId, draft, saveDraft }: Props) {
  const t = useTranslations("filing");
  const tDomain = useTranslations("domain");
  const tUrgency = useTranslations("urgency");
  const [state, formAction] = useActionState(action, null);
  const restored: FormFeedback | undefined = draft
    ? { values: Object.fromEntries(Object.entries(draft).filter((e): e is [string, string | string[]] => e[1] !== undefined)) }
    : undefined;
  const feedback: FormFeedback | undefined = state?.ok === false ? state : restored;
  const [saved, setSaved] = useState<"idle" | "saved" | "failed">(draft ? "saved" : "idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Save what the person typed shortly after they stop typing, so nothing is lost.
  function scheduleSave(form: HTMLFormElement) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      saveDraft(new FormData(form))
        .then((ok) => setSaved(ok ? "saved" : "failed"))
        .catch(() => setSaved("failed"));
    }, SAVE_DELAY_MS);
  }
  const chosen = feedback?.values?.livingSituation;
  const [situation, setSituation] = useState<LivingSituation>(
    livingSituations.find((s) => s === chosen) ?? "OWN_ADDRESS",
  );
  // Without JavaScript every gemeente question shows; with it, only the one that applies.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const gemeenteOptions = gemeenten
    .map((g) => ({ value: g.cbsCode, label: g.commonName ? `${g.commonName} (${g.name})` : g.name }))
    .sort((a, b) => a.label.replace(/^'s-/, "").localeCompare(b.label.replace(/^'s-/, ""), "nl"));
  const [gemeenteQuery, setGemeenteQuery] = useState("");
  const [chosenGemeente, setChosenGemeente] = useState<string | null>(null);
  // The filter narrows the list; the gemeente already chosen always stays in it.
  const filteredGemeenten = gemeenteOptions.filter(
    (o) => o.value === chosenGemeente || o.label.toLowerCase().includes(gemeenteQuery.trim().toLowerCase()),
  );
  const section = "mb-8 rounded border border-slate-300 bg-white p-5";
  return (
    <form
      action={formAction}
      noValidate
      className="max-w-2xl"
      onChange={(e) => scheduleSave(e.currentTarget)}
      onSubmit={() => timer.current && clearTimeout(timer.current)}
    >
      <FormMessage error={state?.ok === false ? state.error : undefined} />
      <p aria-live="polite" className="mb-4 text-sm text-slate-700">
        {saved === "saved" && t("draftSaved")}
        {saved === "failed" && t("draftNotSaved")}
      </p>
      <input type="hidden" name="submissionId" value={submissionId} />
      <section className={section} aria-labelledby="s-who">
        <h2 id="s-who" className="mb-4 text-xl font-bold">
          {t("sectionWho")}
        </h2>
        <ChoiceField
          name="filerRole"
          label={t("filerRole")}
          required
          feedback={feedback}
          initial={allowedFilerRoles[0]}
          options={allowedFilerRoles.map((r) => ({ value: r, label: t(`filerRole_${r}`) }))}
        />
        {allowedFilerRoles.includes("PROFESSIONAL") && (
          <TextField name="organisation" label={t("organisation")} hint={t("organisationHint")} feedback={feedback} />
        )}
      </section>
      <section className={section} aria-labelledby="s-child">
        <h2 id="s-child" className="mb-4 text-xl font-bold">
          {t("sectionChild")}
        </h2>
        <TextField name="childName" label={t("childName")} required feedback={feedback} />
        <TextField name="childBirthDate" type="date" label={t("childBirthDate")} required feedback={feedback} />
        <TextField name="childBsn" label={t("childBsn")} hint={t("childBsnHint")} feedback={feedback} />
      </section>
      <section className={section} aria-labelledby="s-where">
        <h2 id="s-where" className="mb-4 text-xl font-bold">
          {t("sectionWhere")}
        </h2>
        <p className="mb-4">{t("whereIntro")}</p>
        <div onChange={(e) => {
          const value = (e.target as HTMLInputElement).value;
          const next = livingSituations.find((s) => s === value);
          if (next) setSituation(next);
        }}>
          <ChoiceField
            name="livingSituation"
            label={t("livingSituation")}
            required
            feedback={feedback}
            initial={situation}
            options={livingSituations.map((s) => ({ value: s, label: t(`livingSituation_${s}`), hint: t(`livingSituationHint_${s}`) }))}
          />
        </div>
        {enhanced && (
          <div className="mb-3">
            <label htmlFor="gemeente-zoeken" className="block font-semibold">
              {t("gemeenteSearch")}
            </label>
            <p id="gemeente-zoeken-hint" className="text-sm text-slate-700">
              {t("gemeenteSearchHint")}
            </p>
            <input
              id="gemeente-zoeken"
              type="search"
              value={gemeenteQuery}
              onChange={(e) => setGemeenteQuery(e.target.value)}
              aria-describedby="gemeente-zoeken-hint"
              className="mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2"
            />
          </div>
        )}
        {livingSituations
          .filter((s) => !enhanced || s === situation)
          .map((s) => (
            <div
              key={s}
              onChange={(e) => {
                const target: EventTarget = e.target;
                if (target instanceof HTMLSelectElement) setChosenGemeente(target.value || null);
              }}
            >
              <SelectField
                name={requiredAnswer[s]}
                label={t(`gemeente_${s}`)}
                required={enhanced}
                feedback={feedback}
                placeholder={t("gemeentePlaceholder")}
                options={enhanced ? filteredGemeenten : gemeenteOptions}
              />
            </div>
          ))}
      </section>
      <section className={section} aria-labelledby="s-stuck">
        <h2 id="s-stuck" className="mb-4 text-xl font-bold">
          {t("sectionStuck")}
        </h2>
        <ChoiceField
          name="domains"
          multiple
          label={t("domains")}
          hint={t("domainsHint")}
          required
          feedback={feedback}
          options={domains.map((d) => ({ value: d, label: tDomain(d) }))}
        />
        <TextField name="stuckSince" type="date" label={t("stuckSince")} feedback={feedback} />
        <TextArea name="stuckDescription" label={t("stuckDescription")} hint={t("stuckDescriptionHint")} required rows={6} feedback={feedback} />
        <TextArea name="triedDescription" label={t("triedDescription")} required feedback={feedback} />
        <TextArea name="needDescription" label={t("needDescription")} required feedback={feedback} />
        <ChoiceField
          name="urgency"
          label={t("urgency")}
          hint={t("urgencyHint")}
          required
          initial="NORMAL"
          feedback={feedback}
          options={urgencies.map((u) => ({ value: u, label: tUrgency(u) }))}
        />
      </section>
      <section className={section} aria-labelledby="s-contact">
        <h2 id="s-contact" className="mb-4 text-xl font-bold">
          {t("sectionContact")}
        </h2>
        <ChoiceField
          name="contactPreference"
          label={t("contactPreference")}
          hint={t("contactPreferenceHint")}
          required
          initial="EMAIL"
          feedback={feedback}
          options={contactPreferences.map((c) => ({ value: c, label: t(`contactPreference_${c}`) }))}
        />
        <TextField name="contactPhone" type="tel" autoComplete="tel" label={t("contactPhone")} hint={t("contactPhoneHint")} feedback={feedback} />
        {allowedFilerRoles.includes("PROFESSIONAL") && (
          <ChoiceField
            name="consentMethod"
            label={t("consentMethod")}
            required
            feedback={feedback}
            options={consentMethods.map((m) => ({ value: m, label: t(`consentMethod_${m}`) }))}
          />
        )}
        <CheckboxField
          name="consent"
          label={allowedFilerRoles.includes("PROFESSIONAL") ? t("consentProfessional") : t("consent")}
          required
          feedback={feedback}
        >
          <p className="mt-2 text-sm text-slate-700">{t("consentHint")}</p>
        </CheckboxField>
      </section>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
