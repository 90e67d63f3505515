"use client";

import { useLocale, useTranslations } from "next-intl";
import { Fragment, useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import {
  CheckboxField,
  ChoiceField,
  FamilyReads,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FormFeedback,
} from "@/components/form-fields";
import type { CaseActionName, CaseStatus } from "@/lib/domain/case-machine";
import { orderActions } from "@/lib/domain/next-steps";
import { interventionTypes, urgencies } from "@/lib/domain/inputs";
import { labelOf, organisationKinds } from "@/lib/domain/causes";
import { organisationParts } from "@/lib/domain/organisations";
import type { ActionState } from "@/lib/server/action";
import { CloseForm, RefineEvaluationForm } from "./close-form";
import { CauseFields, type EvaluationDefaults } from "./evaluation-fields";
import { GemeenteChoice, type GemeenteOption } from "./gemeente-choice";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export type PanelActions = {
  claim: Action;
  startLocal: Action;
  requestInfo: Action;
  withdrawQuestion: Action;
  setUrgency: Action;
  linkOrganisation: Action;
  unlinkOrganisation: Action;
  refer: Action;
  logIntervention: Action;
  propose: Action;
  decide: Action;
  correctDecision: Action;
  assign: Action;
  note: Action;
  transfer: Action;
  inadmissible: Action;
  close: Action;
  refineEvaluation: Action;
};

/** What the aanspreekpunt's own forms (assign, transfer, not admissible) need to know about the case. */
export type TriageContext = {
  /** Aanspreekpunten of the case's gemeente the case can go to (the current assignee left out) */
  colleagues: { id: string; name: string }[];
  /** Gemeenten the case may be transferred to */
  gemeenten: GemeenteOption[];
  transferCount: number;
  /** The case's gemeente, for the complaint route's default text */
  gemeenteName: string;
  /** How urgent the case is now, which the urgency form starts from */
  urgency: (typeof urgencies)[number];
  /** The active entries of the gemeente's directory of organisations, to name in the case */
  directory: { id: string; name: string; kind: string; sector: string | null }[];
  /** The organisations named in the case now */
  named: { id: string; name: string }[];
};

/**
 * An action's section. A folded one (not a usual next step) shows only its
 * title until opened, and stays open while it holds an answer of the server.
 */
function ActionSection({ id, title, folded, open, children }: { id: string; title: string; folded: boolean; open?: boolean; children: ReactNode }) {
  const heading = (
    <h3 id={id} className={`text-xl font-bold ${folded ? "inline" : ""}`}>
      {title}
    </h3>
  );
  if (!folded) {
    return (
      <section aria-labelledby={id} className="rounded border border-slate-300 bg-white p-5">
        {heading}
        {children}
      </section>
    );
  }
  return (
    <section aria-labelledby={id} className="rounded border border-slate-300 bg-white">
      <details open={open || undefined}>
        <summary className="cursor-pointer p-4">{heading}</summary>
        <div className="px-5 pb-5">{children}</div>
      </details>
    </section>
  );
}

function ActionForm({
  id,
  title,
  intro,
  action,
  caseId,
  caseNumber,
  submit,
  folded = false,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  action: Action;
  caseId: string;
  caseNumber: string;
  submit: string;
  folded?: boolean;
  children?: (feedback: FormFeedback | undefined) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  const feedback = state?.ok === false ? state : undefined;
  return (
    <ActionSection id={id} title={title} folded={folded} open={feedback !== undefined}>
      {intro && <p className="mt-1 mb-4">{intro}</p>}
      <form action={formAction} noValidate className="mt-3">
        <FormMessage error={feedback?.error} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="caseNumber" value={caseNumber} />
        {children?.(feedback)}
        <SubmitButton>{submit}</SubmitButton>
      </form>
    </ActionSection>
  );
}

const MAX_ASSIGNMENTS = 5;

/** How many assignment rows the person had when the form came back (at least one). */
function rowsSent(feedback: FormFeedback | undefined): number {
  const indexes = Object.keys(feedback?.values ?? {}).map((key) => /^assignments\.(\d+)\./.exec(key)?.[1]);
  return Math.min(MAX_ASSIGNMENTS, Math.max(1, ...indexes.map((i) => (i === undefined ? 0 : Number(i) + 1))));
}

/**
 * The rows of a decision's tasks. A task for an organisation named in the case
 * picks it (the organisation then gets its own link); another party is typed.
 */
function AssignmentRows({ feedback, organisations }: { feedback: FormFeedback | undefined; organisations: { id: string; name: string }[] }) {
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
        // The family reads every assignment: one mark for the whole group, announced with it.
        <fieldset key={i} aria-describedby={`assignments.${i}.family`} className="mb-5 rounded border border-slate-400 p-4">
          <legend className="px-1 font-bold">{t("assignmentsLegend", { n: i + 1 })}</legend>
          <FamilyReads id={`assignments.${i}.family`} />
          {organisations.length > 0 && (
            <SelectField
              name={`assignments.${i}.caseOrganisationId`}
              label={t("organisation")}
              hint={t("organisationHint")}
              placeholder={t("organisationNone")}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              feedback={feedback}
            />
          )}
          <TextField
            name={`assignments.${i}.party`}
            label={organisations.length > 0 ? t("partyOther") : t("party")}
            required={organisations.length === 0}
            feedback={feedback}
          />
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
          className="mb-6 block rounded border-2 border-teal-800 px-4 py-2 font-semibold text-teal-900"
        >
          {t("addAssignment")}
        </button>
      )}
    </>
  );
}

/**
 * Before a binding decision is saved, the decision holder ticks that they know
 * what happens then; the box says it in words.
 */
function BindingConfirmation({ feedback }: { feedback: FormFeedback | undefined }) {
  const t = useTranslations("workspace.decide");
  return (
    <div className="mb-5 rounded border-l-8 border-amber-600 bg-amber-50 p-4">
      <p className="mb-3 font-semibold">{t("whatHappens")}</p>
      <CheckboxField name="bindingConfirmed" label={t("confirmBinding")} feedback={feedback} />
    </div>
  );
}

/** One form per action that the state machine and the permissions allow; nothing else is offered. */
export function ActionPanel({
  caseId,
  caseNumber,
  status,
  available,
  proposerIsActor,
  correction,
  proposal = null,
  openAssignments = 0,
  today,
  triage,
  evaluation,
  actions,
}: {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  available: CaseActionName[];
  proposerIsActor: boolean;
  /** The decision in force, which a correction supersedes; null before there is one */
  correction: { id: string; legalBasis: string; rationale: string } | null;
  /** The expert team's latest proposal, which the decision starts from; null when there is none */
  proposal?: { text: string; rationale: string; proposedBy: string; proposedOn: string } | null;
  /** Open assignments of the current decision: while there are any, the case cannot close */
  openAssignments?: number;
  /** Today in Amsterdam as YYYY-MM-DD, from the server, so that server and browser render the same default date */
  today: string;
  triage: TriageContext;
  /**
   * Before closing: the latest referral's causes and organisation kinds, which the
   * closing form starts from. After closing: the stored evaluation to refine, or
   * null when the case closed without one (withdrawn, not admissible).
   */
  evaluation: { defaults: EvaluationDefaults; stored: boolean };
  actions: PanelActions;
}) {
  const t = useTranslations("workspace");
  const tTriage = useTranslations("triage");
  const tType = useTranslations("interventionType");
  const tExpert = useTranslations("expertWork");
  const tUrgency = useTranslations("urgency");
  const tOrganisations = useTranslations("organisations");
  const locale = useLocale();
  // Refining needs an evaluation: a withdrawn or inadmissible case has none.
  const offered = available.filter((a) => a !== "case.refineEvaluation" || evaluation.stored);
  if (offered.length === 0) return <p>{t("noActions")}</p>;
  const forms: Partial<Record<CaseActionName, (folded: boolean) => ReactNode>> = {
    "case.claim": (folded) =>
      (
        <ActionForm folded={folded} id="a-claim" title={t("claim.title")} intro={t("claim.intro")} action={actions.claim} caseId={caseId} caseNumber={caseNumber} submit={t("claim.submit")} />
      ),
    "case.startLocal": (folded) =>
      (
        <ActionForm folded={folded} id="a-local" title={t("startLocal.title")} intro={t("startLocal.intro")} action={actions.startLocal} caseId={caseId} caseNumber={caseNumber} submit={t("startLocal.submit")}>
          {(f) => <TextArea name="note" label={t("startLocal.note")} required feedback={f} />}
        </ActionForm>
      ),
    "case.requestInfo": (folded) =>
      (
        <ActionForm folded={folded} id="a-info" title={t("requestInfo.title")} intro={t("requestInfo.intro")} action={actions.requestInfo} caseId={caseId} caseNumber={caseNumber} submit={t("requestInfo.submit")}>
          {(f) => <TextArea name="familyQuestion" label={t("requestInfo.question")} hint={t("requestInfo.questionHint")} required shownToFamily feedback={f} />}
        </ActionForm>
      ),
    "case.withdrawQuestion": (folded) =>
      (
        <ActionForm folded={folded} id="a-withdraw-question" title={t("withdrawQuestion.title")} intro={t("withdrawQuestion.intro")} action={actions.withdrawQuestion} caseId={caseId} caseNumber={caseNumber} submit={t("withdrawQuestion.submit")}>
          {(f) => <TextArea name="withdrawReason" label={t("withdrawQuestion.reason")} hint={t("withdrawQuestion.reasonHint")} required rows={3} shownToFamily feedback={f} />}
        </ActionForm>
      ),
    "case.setUrgency": (folded) =>
      (
        <ActionForm folded={folded} id="a-urgency" title={t("setUrgency.title")} intro={t("setUrgency.intro")} action={actions.setUrgency} caseId={caseId} caseNumber={caseNumber} submit={t("setUrgency.submit")}>
          {(f) => (
            <>
              <ChoiceField
                name="urgency"
                label={t("setUrgency.urgency")}
                required
                initial={triage.urgency}
                feedback={f}
                options={urgencies.map((u) => ({ value: u, label: tUrgency(u) }))}
              />
              <TextArea name="urgencyReason" label={t("setUrgency.reason")} hint={t("setUrgency.reasonHint")} required rows={3} feedback={f} />
            </>
          )}
        </ActionForm>
      ),
    "case.linkOrganisation": (folded) =>
      (triage.directory.length === 0 ? (
          <ActionSection id="a-link-organisation" title={tOrganisations("link.title")} folded={folded}>
            <p className="mt-2">{tOrganisations("link.emptyDirectory")}</p>
          </ActionSection>
        ) : (
          <ActionForm folded={folded} id="a-link-organisation" title={tOrganisations("link.title")} intro={tOrganisations("link.intro")} action={actions.linkOrganisation} caseId={caseId} caseNumber={caseNumber} submit={tOrganisations("link.submit")}>
            {(f) => (
              <>
                <SelectField
                  name="organisationId"
                  label={tOrganisations("link.organisation")}
                  required
                  placeholder={tOrganisations("link.placeholder")}
                  feedback={f}
                  options={triage.directory.map((o) => ({
                    value: o.id,
                    label: `${o.name} (${labelOf(organisationKinds, o.kind, locale)}${o.sector ? ` ${o.sector}` : ""})`,
                  }))}
                />
                <ChoiceField
                  name="part"
                  label={tOrganisations("link.part")}
                  required
                  feedback={f}
                  options={organisationParts.map((p) => ({ value: p, label: tOrganisations(`part.${p}`) }))}
                />
              </>
            )}
          </ActionForm>
        )),
    ...(triage.named.length > 0 && {
      "case.unlinkOrganisation": (folded: boolean) => (
        <ActionForm folded={folded} id="a-unlink-organisation" title={tOrganisations("unlink.title")} intro={tOrganisations("unlink.intro")} action={actions.unlinkOrganisation} caseId={caseId} caseNumber={caseNumber} submit={tOrganisations("unlink.submit")}>
          {(f) => (
            <SelectField
              name="caseOrganisationId"
              label={tOrganisations("unlink.organisation")}
              required
              placeholder={tOrganisations("link.placeholder")}
              feedback={f}
              options={triage.named.map((o) => ({ value: o.id, label: o.name }))}
            />
          )}
        </ActionForm>
      ),
    }),
    "case.refer": (folded) =>
      (
        <ActionForm folded={folded} id="a-refer" title={t("refer.title")} intro={t("refer.intro")} action={actions.refer} caseId={caseId} caseNumber={caseNumber} submit={t("refer.submit")}>
          {(f) => (
            <>
              <TextArea name="question" label={t("refer.question")} required feedback={f} />
              <CauseFields feedback={f} />
            </>
          )}
        </ActionForm>
      ),
    "case.logIntervention": (folded) =>
      (
        <ActionForm folded={folded} id="a-intervention" title={t("logIntervention.title")} action={actions.logIntervention} caseId={caseId} caseNumber={caseNumber} submit={t("logIntervention.submit")}>
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
              <TextArea name="participants" label={t("logIntervention.participants")} hint={t("logIntervention.participantsHint")} required rows={2} shownToFamily feedback={f} />
              <CheckboxField name="familyInvolved" label={tExpert("form.parentInvolved")} feedback={f} />
              <CheckboxField name="childInvolved" label={tExpert("form.childInvolved")} feedback={f} />
              <TextArea name="involvementNote" label={tExpert("form.involvementNote")} hint={tExpert("form.involvementNoteHint")} rows={2} shownToFamily feedback={f} />
              <TextArea name="outcome" label={t("logIntervention.outcome")} required shownToFamily feedback={f} />
              <TextArea name="nextStep" label={t("logIntervention.nextStep")} rows={2} shownToFamily feedback={f} />
              <div className="mb-5 rounded border-l-8 border-amber-600 bg-amber-50 p-3">
                <TextArea name="internalNote" label={tExpert("form.internalNote")} hint={tExpert("form.internalNoteHint")} rows={3} feedback={f} />
              </div>
            </>
          )}
        </ActionForm>
      ),
    "case.propose": (folded) =>
      (
        <ActionForm folded={folded} id="a-propose" title={t("propose.title")} intro={t("propose.intro")} action={actions.propose} caseId={caseId} caseNumber={caseNumber} submit={t("propose.submit")}>
          {(f) => (
            <>
              <TextArea name="proposal" label={t("propose.proposal")} required feedback={f} />
              <TextArea name="rationale" label={t("propose.rationale")} required feedback={f} />
            </>
          )}
        </ActionForm>
      ),
    "case.decide": (folded) =>
      (proposerIsActor ? (
          <ActionSection id="a-decide" title={t("decide.title")} folded={folded}>
              <p className="mt-2">{t("decide.fourEyes")}</p>
            </ActionSection>
        ) : (
          <ActionForm folded={folded} id="a-decide" title={t("decide.title")} intro={t("decide.intro")} action={actions.decide} caseId={caseId} caseNumber={caseNumber} submit={t("decide.submit")}>
            {(f) => (
              <>
                {proposal && (
                  <div className="mb-5 rounded border-l-8 border-teal-800 bg-teal-50 p-4">
                    <p className="font-semibold">{t("decide.proposalFrom", { name: proposal.proposedBy, date: proposal.proposedOn })}</p>
                    <p className="mt-2 whitespace-pre-line">{proposal.text}</p>
                    <p className="mt-2 text-sm">{t("decide.proposalStart")}</p>
                  </div>
                )}
                <TextArea name="legalBasis" label={t("decide.legalBasis")} hint={t("decide.legalBasisHint")} required rows={2} shownToFamily feedback={f} />
                <TextArea
                  name="rationale"
                  label={t("decide.rationale")}
                  required
                  rows={6}
                  shownToFamily
                  initial={proposal ? `${proposal.text}\n\n${proposal.rationale}` : undefined}
                  feedback={f}
                />
                <AssignmentRows feedback={f} organisations={triage.named} />
                <BindingConfirmation feedback={f} />
              </>
            )}
          </ActionForm>
        )),
    "case.correctDecision": (folded) =>
      correction &&
        (proposerIsActor ? (
          <ActionSection id="a-correct" title={tExpert("correct.title")} folded={folded}>
              <p className="mt-2">{tExpert("correct.fourEyes")}</p>
            </ActionSection>
        ) : (
          <ActionForm folded={folded} id="a-correct" title={tExpert("correct.title")} intro={tExpert("correct.intro")} action={actions.correctDecision} caseId={caseId} caseNumber={caseNumber} submit={tExpert("correct.submit")}>
            {(f) => (
              <>
                <input type="hidden" name="decisionId" value={correction.id} />
                <TextArea name="correctionReason" label={tExpert("correct.reason")} hint={tExpert("correct.reasonHint")} required rows={3} feedback={f} />
                <TextArea name="legalBasis" label={tExpert("correct.legalBasis")} hint={t("decide.legalBasisHint")} required rows={2} initial={correction.legalBasis} shownToFamily feedback={f} />
                <TextArea name="rationale" label={tExpert("correct.rationale")} required initial={correction.rationale} shownToFamily feedback={f} />
                <AssignmentRows feedback={f} organisations={triage.named} />
                <BindingConfirmation feedback={f} />
              </>
            )}
          </ActionForm>
        )),
    "case.note": (folded) =>
      (
        <ActionForm folded={folded} id="a-note" title={tTriage("note.title")} intro={tTriage("note.intro")} action={actions.note} caseId={caseId} caseNumber={caseNumber} submit={tTriage("note.submit")}>
          {(f) => <TextArea name="staffNote" label={tTriage("note.note")} required feedback={f} />}
        </ActionForm>
      ),
    "case.assign": (folded) =>
      (triage.colleagues.length === 0 ? (
          <ActionSection id="a-assign" title={tTriage("assign.title")} folded={folded}>
              <p className="mt-2">{tTriage("assign.nobody")}</p>
            </ActionSection>
        ) : (
          <ActionForm folded={folded} id="a-assign" title={tTriage("assign.title")} intro={tTriage("assign.intro")} action={actions.assign} caseId={caseId} caseNumber={caseNumber} submit={tTriage("assign.submit")}>
            {(f) => (
              <SelectField
                name="assigneeId"
                label={tTriage("assign.assignee")}
                required
                feedback={f}
                placeholder={tTriage("assign.placeholder")}
                options={triage.colleagues.map((c) => ({ value: c.id, label: c.name }))}
              />
            )}
          </ActionForm>
        )),
    "case.transfer": (folded) =>
      (
        <ActionForm folded={folded} id="a-transfer" title={tTriage("transfer.title")} intro={tTriage("transfer.intro")} action={actions.transfer} caseId={caseId} caseNumber={caseNumber} submit={tTriage("transfer.submit")}>
          {(f) => (
            <>
              <p className="mb-4 font-semibold">{tTriage("transfer.afterwards")}</p>
              <GemeenteChoice name="toGemeenteCode" options={triage.gemeenten} feedback={f} />
              <TextArea name="transferReason" label={tTriage("transfer.reason")} hint={tTriage("transfer.reasonHint")} required rows={3} feedback={f} />
              {triage.transferCount > 0 && (
                <>
                  <p className="mb-3 rounded border-l-8 border-amber-500 bg-amber-50 p-3">
                    {tTriage("transfer.transferredBefore", { count: triage.transferCount })}
                  </p>
                  <TextArea name="expertAgreement" label={tTriage("transfer.agreement")} hint={tTriage("transfer.agreementHint")} required rows={2} feedback={f} />
                </>
              )}
            </>
          )}
        </ActionForm>
      ),
    "case.declareInadmissible": (folded) =>
      (
        <ActionForm folded={folded} id="a-inadmissible" title={tTriage("inadmissible.title")} intro={tTriage("inadmissible.intro")} action={actions.inadmissible} caseId={caseId} caseNumber={caseNumber} submit={tTriage("inadmissible.submit")}>
          {(f) => (
            <>
              <TextArea name="inadmissibleReason" label={tTriage("inadmissible.reason")} hint={tTriage("inadmissible.reasonHint")} required rows={3} shownToFamily feedback={f} />
              <TextArea
                name="complaintRoute"
                label={tTriage("inadmissible.route")}
                hint={tTriage("inadmissible.routeHint")}
                required
                rows={7}
                shownToFamily
                initial={tTriage("inadmissible.routeDefault", { gemeente: triage.gemeenteName })}
                feedback={f}
              />
              <div className="mb-5 rounded border-l-8 border-amber-600 bg-amber-50 p-4">
                <p className="mb-3 font-semibold">{tTriage("inadmissible.whatHappens")}</p>
                <CheckboxField name="closingConfirmed" label={tTriage("inadmissible.confirm")} feedback={f} />
              </div>
            </>
          )}
        </ActionForm>
      ),
    "case.close": (folded) =>
      (
        <CloseForm caseId={caseId} caseNumber={caseNumber} openAssignments={openAssignments} defaults={evaluation.defaults} today={today} action={actions.close} />
      ),
    "case.refineEvaluation": (folded) =>
      (
        <RefineEvaluationForm caseId={caseId} caseNumber={caseNumber} current={evaluation.defaults} today={today} action={actions.refineEvaluation} />
      ),
  };
  // The usual next steps open and first; every other action folded under its own title.
  const { usual, other } = orderActions(status, offered.filter((a) => forms[a] !== undefined));
  return (
    <div className="space-y-6">
      {usual.map((a) => (
        <Fragment key={a}>{forms[a]!(false)}</Fragment>
      ))}
      {other.length > 0 && (
        <>
          <h3 className="pt-2 text-xl font-bold">{t("otherActions")}</h3>
          {other.map((a) => (
            <Fragment key={a}>{forms[a]!(true)}</Fragment>
          ))}
        </>
      )}
    </div>
  );
}
