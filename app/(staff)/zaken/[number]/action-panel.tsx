"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import {
  CheckboxField,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FormFeedback,
} from "@/components/form-fields";
import type { CaseActionName } from "@/lib/domain/case-machine";
import { interventionTypes } from "@/lib/domain/inputs";
import type { ActionState } from "@/lib/server/action";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export type PanelActions = {
  claim: Action;
  startLocal: Action;
  requestInfo: Action;
  refer: Action;
  logIntervention: Action;
  propose: Action;
  decide: Action;
};

function ActionForm({
  id,
  title,
  intro,
  action,
  caseId,
  caseNumber,
  submit,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  action: Action;
  caseId: string;
  caseNumber: string;
  submit: string;
  children?: (feedback: FormFeedback | undefined) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <section aria-labelledby={id} className="rounded border border-slate-300 bg-white p-5">
      <h3 id={id} className="text-xl font-bold">
        {title}
      </h3>
      {intro && <p className="mt-1 mb-4">{intro}</p>}
      <form action={formAction} noValidate className="mt-3">
        <FormMessage error={feedback?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        {children?.(feedback)}
        <SubmitButton>{submit}</SubmitButton>
      </form>
    </section>
  );
}

const MAX_ASSIGNMENTS = 5;

/** How many assignment rows the person had when the form came back (at least one). */
function rowsSent(feedback: FormFeedback | undefined): number {
  const indexes = Object.keys(feedback?.values ?? {}).map((key) => /^assignments\.(\d+)\./.exec(key)?.[1]);
  return Math.min(MAX_ASSIGNMENTS, Math.max(1, ...indexes.map((i) => (i === undefined ? 0 : Number(i) + 1))));
}

function AssignmentRows({ feedback }: { feedback: FormFeedback | undefined }) {
  const t = useTranslations("workspace.decide");
  const [added, setAdded] = useState(1);
  const count = Math.max(added, rowsSent(feedback));
  // A keyboard user lands in the new row; the button may be gone once the last row is added.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`assignments.${focusRow.current}.party`)?.focus();
    focusRow.current = null;
  }, [count]);
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="mb-5 rounded border border-slate-400 p-4">
          <legend className="px-1 font-bold">{t("assignmentsLegend", { n: i + 1 })}</legend>
          <TextField name={`assignments.${i}.party`} label={t("party")} required feedback={feedback} />
          <TextArea name={`assignments.${i}.description`} label={t("description")} required rows={2} feedback={feedback} />
          <TextField name={`assignments.${i}.dueOn`} type="date" label={t("dueOn")} required feedback={feedback} />
          <TextField name={`assignments.${i}.payer`} label={t("payer")} required feedback={feedback} />
        </fieldset>
      ))}
      {count < MAX_ASSIGNMENTS && (
        <button
          type="button"
          onClick={() => {
            focusRow.current = count;
            setAdded(count + 1);
          }}
          className="mb-5 rounded border-2 border-teal-800 px-4 py-2 font-semibold text-teal-900"
        >
          {t("addAssignment")}
        </button>
      )}
    </>
  );
}

/** One form per action that the state machine and the permissions allow; nothing else is offered. */
export function ActionPanel({
  caseId,
  caseNumber,
  available,
  proposerIsActor,
  today,
  actions,
}: {
  caseId: string;
  caseNumber: string;
  available: CaseActionName[];
  proposerIsActor: boolean;
  /** Today in Amsterdam as YYYY-MM-DD, from the server, so that server and browser render the same default date */
  today: string;
  actions: PanelActions;
}) {
  const t = useTranslations("workspace");
  const tType = useTranslations("interventionType");
  if (available.length === 0) return <p>{t("noActions")}</p>;
  return (
    <div className="space-y-6">
      {available.includes("case.claim") && (
        <ActionForm id="a-claim" title={t("claim.title")} intro={t("claim.intro")} action={actions.claim} caseId={caseId} caseNumber={caseNumber} submit={t("claim.submit")} />
      )}
      {available.includes("case.startLocal") && (
        <ActionForm id="a-local" title={t("startLocal.title")} intro={t("startLocal.intro")} action={actions.startLocal} caseId={caseId} caseNumber={caseNumber} submit={t("startLocal.submit")}>
          {(f) => <TextArea name="note" label={t("startLocal.note")} required feedback={f} />}
        </ActionForm>
      )}
      {available.includes("case.requestInfo") && (
        <ActionForm id="a-info" title={t("requestInfo.title")} intro={t("requestInfo.intro")} action={actions.requestInfo} caseId={caseId} caseNumber={caseNumber} submit={t("requestInfo.submit")}>
          {(f) => <TextArea name="familyQuestion" label={t("requestInfo.question")} hint={t("requestInfo.questionHint")} required feedback={f} />}
        </ActionForm>
      )}
      {available.includes("case.refer") && (
        <ActionForm id="a-refer" title={t("refer.title")} intro={t("refer.intro")} action={actions.refer} caseId={caseId} caseNumber={caseNumber} submit={t("refer.submit")}>
          {(f) => <TextArea name="question" label={t("refer.question")} required feedback={f} />}
        </ActionForm>
      )}
      {available.includes("case.logIntervention") && (
        <ActionForm id="a-intervention" title={t("logIntervention.title")} action={actions.logIntervention} caseId={caseId} caseNumber={caseNumber} submit={t("logIntervention.submit")}>
          {(f) => (
            <>
              <SelectField
                name="type"
                label={t("logIntervention.type")}
                required
                feedback={f}
                initial="CONSULTATION"
                options={interventionTypes.map((type) => ({ value: type, label: tType(type) }))}
              />
              <TextField name="occurredOn" type="date" label={t("logIntervention.occurredOn")} required initial={today} feedback={f} />
              <TextArea name="participants" label={t("logIntervention.participants")} hint={t("logIntervention.participantsHint")} required rows={2} feedback={f} />
              <CheckboxField name="familyInvolved" label={t("logIntervention.familyInvolved")} feedback={f} />
              <TextArea name="outcome" label={t("logIntervention.outcome")} required feedback={f} />
              <TextArea name="nextStep" label={t("logIntervention.nextStep")} rows={2} feedback={f} />
            </>
          )}
        </ActionForm>
      )}
      {available.includes("case.propose") && (
        <ActionForm id="a-propose" title={t("propose.title")} intro={t("propose.intro")} action={actions.propose} caseId={caseId} caseNumber={caseNumber} submit={t("propose.submit")}>
          {(f) => (
            <>
              <TextArea name="proposal" label={t("propose.proposal")} required feedback={f} />
              <TextArea name="rationale" label={t("propose.rationale")} required feedback={f} />
            </>
          )}
        </ActionForm>
      )}
      {available.includes("case.decide") &&
        (proposerIsActor ? (
          <section aria-labelledby="a-decide" className="rounded border border-slate-300 bg-white p-5">
            <h3 id="a-decide" className="text-xl font-bold">{t("decide.title")}</h3>
            <p className="mt-2">{t("decide.fourEyes")}</p>
          </section>
        ) : (
          <ActionForm id="a-decide" title={t("decide.title")} intro={t("decide.intro")} action={actions.decide} caseId={caseId} caseNumber={caseNumber} submit={t("decide.submit")}>
            {(f) => (
              <>
                <TextArea name="legalBasis" label={t("decide.legalBasis")} hint={t("decide.legalBasisHint")} required rows={2} feedback={f} />
                <TextArea name="rationale" label={t("decide.rationale")} required feedback={f} />
                <AssignmentRows feedback={f} />
              </>
            )}
          </ActionForm>
        ))}
    </div>
  );
}
