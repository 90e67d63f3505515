"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
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
import { CHILD_HEARD_FROM_AGE, heardAnswers, supporterAnswers } from "@/lib/domain/child-voice";
import { leerplichtConsentAnswers, schoolAnswers } from "@/lib/domain/school-facts";
import { RETENTION_DEFAULT_MONTHS } from "@/lib/domain/retention";
import { filingDocumentsProblem, MAX_FILING_DOCUMENTS, type FilingDocumentsProblem } from "@/lib/domain/documents";
import { maskBsn, normaliseBsn } from "@/lib/domain/bsn";
import { consentMethods } from "@/lib/domain/consent";
import {
  filingErrors,
  filingSteps,
  firstIncompleteStep,
  reviewStep,
  stepErrors,
  stepIndex,
  type FilingStepKey,
} from "@/lib/domain/filing-steps";
import {
  contactPreferences,
  domains,
  filerRoles,
  filingInputFromForm,
  schoolSituations,
  urgencies,
} from "@/lib/domain/inputs";
import { livingSituations, requiredAnswer, type LivingSituation } from "@/lib/domain/woonplaats";
import type { ActionState } from "@/lib/server/action";
import { CoverageNotice, type CoverageNoticeProps } from "@/components/coverage-notice";

type Props = {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  gemeenten: { cbsCode: string; name: string; commonName: string | null }[];
  /** Who acts on a case for each gemeente (by CBS code), and the national fallback */
  routes: Record<string, Pick<CoverageNoticeProps, "route" | "regionName" | "expertTeam">>;
  fallback: CoverageNoticeProps["fallback"];
  allowedFilerRoles: (typeof filerRoles)[number][];
  submissionId: string;
  /** What the person typed before, saved on the server */
  draft: Record<string, string | string[] | undefined> | null;
  saveDraft: (formData: FormData) => Promise<boolean>;
};

type Values = Record<string, string | string[]>;

const SAVE_DELAY_MS = 800;
/** The step is kept in the address, so the browser's back button goes to the previous question. */
const STEP_PARAM = "stap";

function readValues(form: HTMLFormElement): Values {
  const data = new FormData(form);
  const values: Values = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = key === "domains" ? all : (all[0] ?? "");
  }
  return values;
}

function one(values: Values, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/**
 * The filing form, one short step at a time, with a review at the end.
 * All steps live in one form, so nothing typed is lost when moving back and
 * forth; without JavaScript every step shows at once and the form still works.
 */
export function FileCaseForm({ action, gemeenten, routes, fallback, allowedFilerRoles, submissionId, draft, saveDraft }: Props) {
  const t = useTranslations("filing");
  const tDomain = useTranslations("domain");
  const tUrgency = useTranslations("urgency");
  const format = useFormatter();
  const [state, formAction] = useActionState(action, null);
  const restored: FormFeedback | undefined = draft
    ? { values: Object.fromEntries(Object.entries(draft).filter((e): e is [string, string | string[]] => e[1] !== undefined)) }
    : undefined;
  // Feedback of the step checks in the browser; it always carries what is on screen now.
  const [stepFeedback, setStepFeedback] = useState<FormFeedback | undefined>(undefined);
  const feedback: FormFeedback | undefined = stepFeedback ?? (state?.ok === false ? state : restored);
  const formRef = useRef<HTMLFormElement>(null);
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const [saved, setSaved] = useState<"idle" | "saved" | "failed">(draft ? "saved" : "idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [step, setStep] = useState(0);
  const [returnToReview, setReturnToReview] = useState(false);
  const [review, setReview] = useState<Values>({});
  const [chosenFiles, setChosenFiles] = useState<string[]>([]);
  const [focusTarget, setFocusTarget] = useState<"heading" | string | null>(null);

  function save(form: HTMLFormElement) {
    // A draft keeps what was typed; the files are sent once, with the filing.
    const data = new FormData(form);
    data.delete("documents");
    saveDraft(data)
      .then((ok) => setSaved(ok ? "saved" : "failed"))
      .catch(() => setSaved("failed"));
  }
  // Save what the person typed shortly after they stop typing, so nothing is lost.
  function scheduleSave(form: HTMLFormElement) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save(form), SAVE_DELAY_MS);
  }

  function show(next: number, history: "push" | "replace" | "none") {
    const form = formRef.current;
    if (!form) return;
    if (next === reviewStep) {
      setReview(readValues(form));
      setReturnToReview(false);
    }
    setStep(next);
    if (history !== "none") {
      const url = `${window.location.pathname}?${STEP_PARAM}=${filingSteps[next]?.key ?? ""}`;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
  }

  // Enhance after the first render: only then is one step shown at a time.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    setEnhanced(true);
    const resume = draft ? firstIncompleteStep(filingErrors(filingInputFromForm(new FormData(form)))) : 0;
    const requested = stepIndex(new URLSearchParams(window.location.search).get(STEP_PARAM));
    show(requested === null ? resume : Math.min(requested, resume), "replace");
    const onPop = () => {
      const back = stepIndex(new URLSearchParams(window.location.search).get(STEP_PARAM));
      if (back !== null) {
        show(back, "none");
        setFocusTarget("heading");
      }
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
    // Runs once, on mount: the draft is what the server rendered with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A refused submit: go to the first step with a message.
  useEffect(() => {
    if (state?.ok !== false) return;
    setStepFeedback(undefined);
    const first = firstIncompleteStep(state.fieldErrors);
    show(first, "push");
    const field = Object.keys(stepErrors(state.fieldErrors, first))[0];
    setFocusTarget(field ?? "heading");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Move focus after the step is on screen: to its heading, or to the first field with a message.
  useEffect(() => {
    if (!focusTarget) return;
    const target =
      focusTarget === "heading"
        ? headings.current[step]
        : formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(focusTarget)}"]`);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget, step]);

  function next(form: HTMLFormElement) {
    const values = readValues(form);
    const errors = stepErrors(filingErrors(filingInputFromForm(new FormData(form))), step);
    setStepFeedback({ fieldErrors: errors, values });
    const first = Object.keys(errors)[0];
    if (first) {
      setFocusTarget(first);
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    save(form);
    show(returnToReview ? reviewStep : step + 1, "push");
    setFocusTarget("heading");
  }

  function goTo(target: number, fromReview: boolean) {
    show(target, "push");
    setReturnToReview(fromReview);
    setFocusTarget("heading");
  }

  const chosen = feedback?.values?.livingSituation;
  const [situation, setSituation] = useState<LivingSituation>(
    livingSituations.find((s) => s === chosen) ?? "OWN_ADDRESS",
  );
  const gemeenteOptions = gemeenten
    .map((g) => ({ value: g.cbsCode, label: g.commonName ? `${g.commonName} (${g.name})` : g.name }))
    .sort((a, b) => a.label.replace(/^'s-/, "").localeCompare(b.label.replace(/^'s-/, ""), "nl"));
  const [gemeenteQuery, setGemeenteQuery] = useState("");
  const [chosenGemeente, setChosenGemeente] = useState<string | null>(null);
  // The filter narrows the list; the gemeente already chosen always stays in it.
  const filteredGemeenten = gemeenteOptions.filter(
    (o) => o.value === chosenGemeente || o.label.toLowerCase().includes(gemeenteQuery.trim().toLowerCase()),
  );
  // The gemeente that will be responsible: the one just chosen, or the one a saved draft or a refused submit holds.
  const responsible = chosenGemeente ?? (feedback?.values ? one(feedback.values as Values, requiredAnswer[situation]) : "") ?? "";
  const gemeenteName = (code: string) => {
    const g = gemeenten.find((x) => x.cbsCode === code);
    return g ? (g.commonName ?? g.name) : code;
  };
  const professional = allowedFilerRoles.includes("PROFESSIONAL");
  const stepHasErrors = enhanced && Object.keys(stepFeedback?.fieldErrors ?? {}).length > 0;
  /** A question about school that may stay open: yes, no, or "I do not know" (decision 036). */
  const schoolQuestion = (name: "leerplichtInformed" | "leerplichtExemption" | "onderwijsconsulent") => (
    <ChoiceField
      name={name}
      label={t(name)}
      hint={t(`${name}Hint`)}
      feedback={feedback}
      options={schoolAnswers.map((a) => ({ value: a, label: t(`schoolAnswer_${a}`) }))}
    />
  );

  const total = filingSteps.length;
  const stepProps = {
    enhanced,
    current: step,
    title: (key: FilingStepKey) => t(`step_${key}`),
    errorText: stepHasErrors ? t("stepHasErrors") : null,
    headings,
  };
  const button =
    "rounded px-5 py-3 font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400";

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="max-w-2xl"
      onChange={(e) => {
        setSaved("idle");
        scheduleSave(e.currentTarget);
      }}
      onSubmit={(e) => {
        if (timer.current) clearTimeout(timer.current);
        // Before the review, the main button (and Enter in a field) goes to the next step.
        if (enhanced && step !== reviewStep) {
          e.preventDefault();
          next(e.currentTarget);
        }
      }}
    >
      <FormMessage error={state?.ok === false && !stepFeedback ? state.error : undefined} />
      {enhanced && (
        <div className="mb-4">
          <p className="font-semibold">{t("stepOf", { current: step + 1, total })}</p>
          <div aria-hidden="true" className="mt-1 h-2 w-full rounded bg-slate-200">
            <div className="h-2 rounded bg-teal-800" style={{ width: `${((step + 1) / total) * 100}%` }} />
          </div>
        </div>
      )}
      <p aria-live="polite" className="mb-4 text-sm text-slate-700">
        {saved === "saved" && t("draftSaved")}
        {saved === "failed" && t("draftNotSaved")}
      </p>
      <input type="hidden" name="submissionId" value={submissionId} />

      <Step index={0} {...stepProps}>
        <p className="mb-4">{t("whereIntro")}</p>
        <div
          onChange={(e) => {
            const value = (e.target as HTMLInputElement).value;
            const picked = livingSituations.find((s) => s === value);
            if (picked) {
              setSituation(picked);
              setChosenGemeente(null);
            }
          }}
        >
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
              // Enter narrows the list; it does not move on to the next question.
              onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
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
        {/* Announced as soon as a gemeente is chosen, before anything else is asked. */}
        <div aria-live="polite" className="mt-4">
          {enhanced && responsible && routes[responsible] && (
            <CoverageNotice gemeente={gemeenteName(responsible)} fallback={fallback} {...routes[responsible]!} />
          )}
        </div>
      </Step>

      <Step index={1} {...stepProps}>
        <ChoiceField
          name="filerRole"
          label={t("filerRole")}
          required
          feedback={feedback}
          initial={allowedFilerRoles[0]}
          options={allowedFilerRoles.map((r) => ({ value: r, label: t(`filerRole_${r}`) }))}
        />
        {professional && (
          <TextField name="organisation" label={t("organisation")} hint={t("organisationHint")} required feedback={feedback} />
        )}
      </Step>

      <Step index={2} {...stepProps}>
        <TextField name="childName" label={t("childName")} required feedback={feedback} />
        <TextField name="childBirthDate" type="date" label={t("childBirthDate")} required feedback={feedback} />
        <TextField name="childBsn" label={t("childBsn")} hint={t("childBsnHint")} feedback={feedback} />
      </Step>

      <Step index={3} {...stepProps}>
        <ChoiceField
          name="schoolSituation"
          label={t("schoolSituation")}
          hint={t("schoolSituationHint")}
          required
          feedback={feedback}
          options={schoolSituations.map((s) => ({
            value: s,
            label: t(`schoolSituation_${s}`),
            hint: s === "NOT_APPLICABLE" ? t("schoolSituationHint_NOT_APPLICABLE") : undefined,
          }))}
        />
        <TextField name="outOfSchoolSince" type="date" label={t("outOfSchoolSince")} hint={t("outOfSchoolSinceHint")} feedback={feedback} />
        <TextField name="schoolName" label={t("schoolName")} hint={t("schoolNameHint")} feedback={feedback} />
        <TextField name="samenwerkingsverbandName" label={t("samenwerkingsverbandName")} hint={t("samenwerkingsverbandNameHint")} feedback={feedback} />
        {schoolQuestion("leerplichtInformed")}
        <TextField name="leerplichtInformedOn" type="date" label={t("leerplichtInformedOn")} hint={t("leerplichtInformedOnHint")} feedback={feedback} />
        {schoolQuestion("leerplichtExemption")}
        {schoolQuestion("onderwijsconsulent")}
        <ChoiceField
          name="leerplichtConsent"
          label={t("leerplichtConsent")}
          hint={t("leerplichtConsentHint")}
          feedback={feedback}
          options={leerplichtConsentAnswers.map((a) => ({ value: a, label: t(`leerplichtConsent_${a}`) }))}
        />
      </Step>

      <Step index={4} {...stepProps}>
        <TextArea name="stuckDescription" label={t("stuckDescription")} hint={t("stuckDescriptionHint")} required rows={6} feedback={feedback} />
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
      </Step>

      <Step index={5} {...stepProps}>
        <TextArea name="refusedBy" label={t("refusedBy")} hint={t("refusedByHint")} required feedback={feedback} />
      </Step>

      <Step index={6} {...stepProps}>
        <TextArea name="triedDescription" label={t("triedDescription")} required feedback={feedback} />
      </Step>

      <Step index={7} {...stepProps}>
        <TextArea name="needDescription" label={t("needDescription")} required feedback={feedback} />
        <TextArea name="childWish" label={t("childWish")} hint={t("childWishHint")} rows={3} feedback={feedback} />
        <ChoiceField
          name="childWantsToBeHeard"
          label={t("childWantsToBeHeard")}
          hint={t("childWantsToBeHeardHint", { age: CHILD_HEARD_FROM_AGE })}
          feedback={feedback}
          options={heardAnswers.map((a) => ({ value: a, label: t(`childWantsToBeHeard_${a}`) }))}
        />
      </Step>

      <Step index={8} {...stepProps}>
        <ChoiceField
          name="urgency"
          label={t("urgency")}
          hint={t("urgencyHint")}
          required
          initial="NORMAL"
          feedback={feedback}
          options={urgencies.map((u) => ({ value: u, label: tUrgency(u) }))}
        />
        <TextArea name="risks" label={t("risks")} hint={t("risksHint")} feedback={feedback} />
      </Step>

      <Step index={9} {...stepProps}>
        {professional && (
          <ChoiceField
            name="consentMethod"
            label={t("consentMethod")}
            required
            feedback={feedback}
            options={consentMethods.map((m) => ({ value: m, label: t(`consentMethod_${m}`) }))}
          />
        )}
        {/* Who will read the case, how long it is kept and how to withdraw: said before consent is given. */}
        <div className="mb-5 rounded border border-slate-300 bg-white p-4">
          <h3 className="font-bold">{t("consentWhoTitle")}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>{t("consentWhoAanspreekpunt")}</li>
            <li>{t("consentWhoExpertTeam")}</li>
            <li>{t("consentWhoDecisionHolder")}</li>
            <li>{t("consentWhoOmbudsman")}</li>
          </ul>
          <p className="mt-2">{t("consentKept", { months: RETENTION_DEFAULT_MONTHS })}</p>
          <p className="mt-2">{t("consentWithdraw")}</p>
        </div>
        <CheckboxField name="consent" label={professional ? t("consentProfessional") : t("consent")} required feedback={feedback}>
          <p className="mt-2 text-sm text-slate-700">{t("consentHint")}</p>
        </CheckboxField>
      </Step>

      <Step index={10} {...stepProps}>
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
        <ChoiceField
          name="clientSupporterInvolved"
          label={t("clientSupporterInvolved")}
          hint={t("clientSupporterInvolvedHint")}
          feedback={feedback}
          options={supporterAnswers.map((a) => ({ value: a, label: t(`clientSupporterInvolved_${a}`) }))}
        />
        <TextField name="clientSupporterName" label={t("clientSupporterName")} hint={t("clientSupporterNameHint")} feedback={feedback} />
      </Step>

      <Step index={stepIndex("documents")!} {...stepProps}>
        <FilingDocuments feedback={feedback} onChoose={setChosenFiles} />
      </Step>

      {enhanced && (
        <Step index={reviewStep} {...stepProps}>
          <p className="mb-4">{t("reviewIntro")}</p>
          {reviewList(review, (code) => gemeenteOptions.find((o) => o.value === code)?.label ?? code)}
        </Step>
      )}

      <div className="flex flex-wrap items-center gap-4">
        {enhanced && step > 0 && (
          <button
            type="button"
            onClick={() => goTo(step - 1, false)}
            className={`${button} border-2 border-teal-800 bg-white text-teal-900 hover:bg-teal-50`}
          >
            {t("back")}
          </button>
        )}
        {enhanced && step !== reviewStep ? (
          <button type="submit" className={`${button} bg-teal-800 text-white hover:bg-teal-900`}>
            {returnToReview ? t("backToReview") : t("next")}
          </button>
        ) : (
          <SubmitButton>{t("submit")}</SubmitButton>
        )}
      </div>
    </form>
  );

  /** Everything the person answered, by step, each with a way back to change it. */
  function reviewList(values: Values, gemeenteLabel: (code: string) => string) {
    const date = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? format.dateTime(new Date(`${v}T12:00:00Z`), { dateStyle: "long" }) : v);
    const school = one(values, "schoolSituation");
    const answerText = (v: string) => (schoolAnswers.includes(v as never) ? t(`schoolAnswer_${v as (typeof schoolAnswers)[number]}`) : "");
    const living = livingSituations.find((s) => s === one(values, "livingSituation")) ?? "OWN_ADDRESS";
    const domainsChosen = Array.isArray(values.domains) ? values.domains : [];
    const rows: { step: number; label: string; value: string }[] = [
      { step: 0, label: t("livingSituation"), value: t(`livingSituation_${living}`) },
      { step: 0, label: t(`gemeente_${living}`), value: one(values, requiredAnswer[living]) && gemeenteLabel(one(values, requiredAnswer[living])) },
      { step: 1, label: t("filerRole"), value: one(values, "filerRole") && t(`filerRole_${one(values, "filerRole") as (typeof filerRoles)[number]}`) },
      ...(professional ? [{ step: 1, label: t("organisation"), value: one(values, "organisation") }] : []),
      { step: 2, label: t("childName"), value: one(values, "childName") },
      { step: 2, label: t("childBirthDate"), value: date(one(values, "childBirthDate")) },
      { step: 2, label: t("childBsn"), value: normaliseBsn(one(values, "childBsn")) ? maskBsn(normaliseBsn(one(values, "childBsn"))) : "" },
      { step: 3, label: t("schoolSituation"), value: school && t(`schoolSituation_${school as (typeof schoolSituations)[number]}`) },
      ...(school === "NONE" || school === "PARTLY" ? [{ step: 3, label: t("outOfSchoolSince"), value: date(one(values, "outOfSchoolSince")) }] : []),
      ...(school && school !== "NOT_APPLICABLE"
        ? [
            { step: 3, label: t("schoolName"), value: one(values, "schoolName") },
            { step: 3, label: t("samenwerkingsverbandName"), value: one(values, "samenwerkingsverbandName") },
            { step: 3, label: t("leerplichtInformed"), value: answerText(one(values, "leerplichtInformed")) },
            ...(one(values, "leerplichtInformed") === "YES" ? [{ step: 3, label: t("leerplichtInformedOn"), value: date(one(values, "leerplichtInformedOn")) }] : []),
            { step: 3, label: t("leerplichtExemption"), value: answerText(one(values, "leerplichtExemption")) },
            { step: 3, label: t("onderwijsconsulent"), value: answerText(one(values, "onderwijsconsulent")) },
          ]
        : []),
      ...((school === "NONE" || school === "PARTLY") && one(values, "leerplichtConsent")
        ? [{ step: 3, label: t("leerplichtConsent"), value: t(`leerplichtConsent_${one(values, "leerplichtConsent") === "YES" ? "YES" : "NO"}`) }]
        : []),
      { step: 4, label: t("stuckDescription"), value: one(values, "stuckDescription") },
      { step: 4, label: t("domains"), value: domainsChosen.map((d) => (domains.includes(d as never) ? tDomain(d as (typeof domains)[number]) : d)).join(", ") },
      { step: 4, label: t("stuckSince"), value: date(one(values, "stuckSince")) },
      { step: 5, label: t("refusedBy"), value: one(values, "refusedBy") },
      { step: 6, label: t("triedDescription"), value: one(values, "triedDescription") },
      { step: 7, label: t("needDescription"), value: one(values, "needDescription") },
      { step: 7, label: t("childWish"), value: one(values, "childWish") },
      {
        step: 7,
        label: t("childWantsToBeHeard"),
        value: heardAnswers.includes(one(values, "childWantsToBeHeard") as never) ? t(`childWantsToBeHeard_${one(values, "childWantsToBeHeard") as (typeof heardAnswers)[number]}`) : "",
      },
      { step: 8, label: t("urgency"), value: one(values, "urgency") && tUrgency(one(values, "urgency") as (typeof urgencies)[number]) },
      { step: 8, label: t("risks"), value: one(values, "risks") },
      ...(professional
        ? [{ step: 9, label: t("consentMethod"), value: one(values, "consentMethod") && t(`consentMethod_${one(values, "consentMethod") as (typeof consentMethods)[number]}`) }]
        : []),
      { step: 9, label: t("step_consent"), value: one(values, "consent") === "on" ? t("yes") : t("no") },
      { step: 10, label: t("contactPreference"), value: one(values, "contactPreference") && t(`contactPreference_${one(values, "contactPreference") as (typeof contactPreferences)[number]}`) },
      { step: 10, label: t("contactPhone"), value: one(values, "contactPhone") },
      {
        step: 10,
        label: t("clientSupporterInvolved"),
        value: supporterAnswers.includes(one(values, "clientSupporterInvolved") as never)
          ? t(`clientSupporterInvolved_${one(values, "clientSupporterInvolved") as (typeof supporterAnswers)[number]}`)
          : "",
      },
      ...(one(values, "clientSupporterInvolved") === "YES" ? [{ step: 10, label: t("clientSupporterName"), value: one(values, "clientSupporterName") }] : []),
      { step: stepIndex("documents")!, label: t("documents"), value: chosenFiles.join("\n") },
    ];
    return (
      <dl className="divide-y divide-slate-200">
        {rows.map((row, i) => (
          <div key={i} className="py-3">
            <dt className="font-semibold">{row.label}</dt>
            <dd className="flex flex-wrap items-start justify-between gap-2">
              <span className="min-w-0 flex-1 whitespace-pre-wrap break-words">
                {row.value || <span className="text-slate-700">{t("notAnswered")}</span>}
              </span>
                <button
                type="button"
                onClick={() => goTo(row.step, true)}
                className="rounded px-2 py-1 font-semibold text-teal-900 underline focus:outline-none focus:ring-4 focus:ring-amber-400"
              >
                <span aria-hidden="true">{t("change")}</span>
                <span className="sr-only">{`${t("change")}: ${row.label}`}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    );
  }
}

type StepProps = {
  index: number;
  enhanced: boolean;
  current: number;
  title: (key: FilingStepKey) => string;
  /** The message above a step whose answers were refused */
  errorText: string | null;
  headings: RefObject<(HTMLHeadingElement | null)[]>;
  children: ReactNode;
};

/** One step of the form. Hidden, not removed, when it is not the current one, so its answers are sent too. */
function Step({ index, enhanced, current, title, errorText, headings, children }: StepProps) {
  const key = filingSteps[index]?.key ?? "who";
  return (
    <section
      hidden={enhanced && current !== index}
      aria-labelledby={`step-${key}`}
      className="mb-8 rounded border border-slate-300 bg-white p-5"
    >
      <h2
        id={`step-${key}`}
        ref={(el) => {
          headings.current[index] = el;
        }}
        tabIndex={-1}
        className="mb-4 text-xl font-bold focus:outline-none focus:ring-4 focus:ring-amber-400"
      >
        {title(key)}
      </h2>
      {errorText && current === index && (
        <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
          {errorText}
        </div>
      )}
      {children}
    </section>
  );
}

/**
 * The optional files of the filing. Checked for count and size as they are
 * chosen; what they really are is read on the server. After a refused submit a
 * browser forgets chosen files, so the message says to choose them again.
 */
function FilingDocuments({ feedback, onChoose }: { feedback: FormFeedback | undefined; onChoose: (names: string[]) => void }) {
  const t = useTranslations("filing");
  const tErrors = useTranslations("errors");
  const [localProblem, setLocalProblem] = useState<FilingDocumentsProblem | null>(null);
  const serverProblem = feedback?.fieldErrors?.documents;
  const problem = localProblem ?? serverProblem;
  const describedBy = ["documents-hint", problem ? "documents-error" : null].filter(Boolean).join(" ");
  return (
    <div className="mb-5">
      <p className="mb-4">{t("documentsIntro")}</p>
      <label htmlFor="documents" className="block font-semibold">
        {t("documents")} <span className="font-normal text-slate-700">({t("optionalMark")})</span>
      </label>
      <p id="documents-hint" className="text-sm text-slate-700">
        {t("documentsHint", { count: MAX_FILING_DOCUMENTS })}
      </p>
      {problem && (
        <p id="documents-error" className="mt-1 text-sm font-semibold text-red-800">
          {tErrors.has(problem) ? tErrors(problem) : tErrors("invalid")}
        </p>
      )}
      <input
        id="documents"
        name="documents"
        type="file"
        multiple
        accept=".pdf,image/*"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          setLocalProblem(filingDocumentsProblem(files.map((f) => f.size)));
          onChoose(files.map((f) => f.name));
        }}
        className="mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base file:mr-4 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800"
      />
      <p className="mt-3">{t("documentsLater")}</p>
    </div>
  );
}
