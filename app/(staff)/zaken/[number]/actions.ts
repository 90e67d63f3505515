"use server";

import { redirect } from "next/navigation";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { requireActor } from "@/lib/auth/session";
import {
  addNoteInput,
  assignmentLinkRef,
  assignCaseInput,
  claimCaseInput,
  closeCaseFormInput,
  correctDecisionInput,
  declareInadmissibleInput,
  logInterventionInput,
  proposeDecisionInput,
  recordDecisionInput,
  withdrawQuestionInput,
  setUrgencyInput,
  bindingConfirmation,
  closingConfirmation,
  referCaseInput,
  refineEvaluationInput,
  requestInfoInput,
  settleAssignmentInput,
  startLocalInput,
  transferCaseInput,
} from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { addNote } from "@/lib/server/cases/add-note";
import { assignCase } from "@/lib/server/cases/assign-case";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { correctDecision } from "@/lib/server/cases/correct-decision";
import { declareInadmissible } from "@/lib/server/cases/declare-inadmissible";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { withdrawQuestion } from "@/lib/server/cases/withdraw-question";
import { setUrgency } from "@/lib/server/cases/set-urgency";
import { linkOrganisation } from "@/lib/server/cases/link-organisation";
import { unlinkOrganisation } from "@/lib/server/cases/unlink-organisation";
import { linkOrganisationInput, unlinkOrganisationInput } from "@/lib/domain/organisations";
import { referCase } from "@/lib/server/cases/refer-case";
import { refineEvaluation } from "@/lib/server/cases/refine-evaluation";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { transferCase } from "@/lib/server/cases/transfer-case";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { resendAssignmentLink, revokeAssignmentLink } from "@/lib/server/assignment-links/manage-links";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

function fields(formData: FormData, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));
}

/** The checkbox lists of causes and organisation kinds: every ticked box. */
function keyLists(formData: FormData) {
  return { causes: formData.getAll("causes"), organisationKinds: formData.getAll("organisationKinds") };
}

/** Someone else changed the case first: this person's action was not taken. */
const lostRace = new Set(["conflict", "wrongState"]);

/**
 * After a change the workspace is loaded afresh (the form that was used may no
 * longer be offered) with a confirmation at the top. When another person
 * changed the case first, it is loaded afresh too, with that message on top,
 * so the person sees the current state before trying again.
 */
function done<T>(formData: FormData, successPath = (number: string) => `/zaken/${number}?gedaan=1`) {
  return (state: ActionState<T>): ActionState<T> => {
    const number = formData.get("caseNumber");
    if (typeof number !== "string" || !caseNumberPattern.test(number)) return state;
    if (state?.ok) redirect(successPath(number));
    if (state?.ok === false && lostRace.has(state.error)) redirect(`/zaken/${number}?bezet=1`);
    return state;
  };
}

export const claimAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId"]);
  return done(formData)(await runAction(claimCaseInput, input, formValues(formData), (p) => claimCase(actor, p)));
};

export const startLocalAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "note"]);
  return done(formData)(await runAction(startLocalInput, input, formValues(formData), (p) => startLocal(actor, p)));
};

export const requestInfoAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "familyQuestion"]);
  return done(formData)(await runAction(requestInfoInput, input, formValues(formData), (p) => requestInfo(actor, p)));
};

export const withdrawQuestionAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "withdrawReason"]);
  return done(formData)(await runAction(withdrawQuestionInput, input, formValues(formData), (p) => withdrawQuestion(actor, p)));
};

export const setUrgencyAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "urgency", "urgencyReason"]);
  return done(formData)(await runAction(setUrgencyInput, input, formValues(formData), (p) => setUrgency(actor, p)));
};

export const linkOrganisationAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "organisationId", "part"]);
  return done(formData)(await runAction(linkOrganisationInput, input, formValues(formData), (p) => linkOrganisation(actor, p)));
};

export const unlinkOrganisationAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "caseOrganisationId"]);
  return done(formData)(await runAction(unlinkOrganisationInput, input, formValues(formData), (p) => unlinkOrganisation(actor, p)));
};

export const referAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = { ...fields(formData, ["caseId", "question"]), ...keyLists(formData) };
  return done(formData)(await runAction(referCaseInput, input, formValues(formData), (p) => referCase(actor, p)));
};

export const logInterventionAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/expertteam");
  const input = fields(formData, [
    "caseId",
    "type",
    "occurredOn",
    "participants",
    "familyInvolved",
    "childInvolved",
    "involvementNote",
    "outcome",
    "nextStep",
    "internalNote",
  ]);
  return done(formData)(await runAction(logInterventionInput, input, formValues(formData), (p) => logIntervention(actor, p)));
};

export const proposeAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "proposal", "rationale"]);
  return done(formData)(await runAction(proposeDecisionInput, input, formValues(formData), (p) => proposeDecision(actor, p)));
};

/** Assignment rows arrive as assignments.<i>.<field>; empty extra rows are left out. */
function assignmentRows(formData: FormData) {
  const rows = [];
  for (let i = 0; i < 10; i += 1) {
    const row = {
      caseOrganisationId: formData.get(`assignments.${i}.caseOrganisationId`),
      party: formData.get(`assignments.${i}.party`),
      description: formData.get(`assignments.${i}.description`),
      dueOn: formData.get(`assignments.${i}.dueOn`),
      payer: formData.get(`assignments.${i}.payer`),
    };
    const present = Object.values(row).some((v) => typeof v === "string" && v.trim() !== "");
    if (i === 0 || present) rows.push(row);
  }
  return rows;
}

export const decideAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = { ...fields(formData, ["caseId", "legalBasis", "rationale", "bindingConfirmed"]), assignments: assignmentRows(formData) };
  const confirmed = recordDecisionInput.extend(bindingConfirmation);
  return done(formData)(await runAction(confirmed, input, formValues(formData), ({ bindingConfirmed: _, ...p }) => recordDecision(actor, p)));
};

/** A correction is a new decision that supersedes the one the decision holder saw. */
export const correctDecisionAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = {
    ...fields(formData, ["caseId", "decisionId", "correctionReason", "legalBasis", "rationale", "bindingConfirmed"]),
    assignments: assignmentRows(formData),
  };
  const confirmed = correctDecisionInput.extend(bindingConfirmation);
  return done(formData)(await runAction(confirmed, input, formValues(formData), ({ bindingConfirmed: _, ...p }) => correctDecision(actor, p)));
};

export const assignAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "assigneeId"]);
  return done(formData)(await runAction(assignCaseInput, input, formValues(formData), (p) => assignCase(actor, p)));
};

export const noteAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "staffNote"]);
  return done(formData)(await runAction(addNoteInput, input, formValues(formData), (p) => addNote(actor, p)));
};

/** After a transfer the case is out of reach: the confirmation is a page of its own. */
export const transferAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "toGemeenteCode", "transferReason", "expertAgreement"]);
  return done(formData, (number) => `/zaken/${number}/overgedragen`)(
    await runAction(transferCaseInput, input, formValues(formData), (p) => transferCase(actor, p)),
  );
};

export const inadmissibleAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "inadmissibleReason", "complaintRoute", "closingConfirmed"]);
  const confirmed = declareInadmissibleInput.extend(closingConfirmation);
  return done(formData)(await runAction(confirmed, input, formValues(formData), ({ closingConfirmed: _, ...p }) => declareInadmissible(actor, p)));
};

export const closeAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = {
    ...fields(formData, ["caseId", "result", "closingNote", "outcome", "helpStartedOn", "blockedNote", "breakthroughNote", "closingConfirmed"]),
    ...keyLists(formData),
  };
  return done(formData)(await runAction(closeCaseFormInput, input, formValues(formData), ({ closingConfirmed: _, ...p }) => closeCase(actor, p)));
};

/** The evaluation of a closed case, refined: the same fields as at closing, without the result and the family's note. */
export const refineEvaluationAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = { ...fields(formData, ["caseId", "outcome", "helpStartedOn", "blockedNote", "breakthroughNote"]), ...keyLists(formData) };
  return done(formData)(await runAction(refineEvaluationInput, input, formValues(formData), (p) => refineEvaluation(actor, p)));
};

/** An assignment's fields carry its id in their names (several forms on one page); read them back by it. */
export const settleAssignmentAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const assignmentId = formData.get("assignmentId");
  const suffix = typeof assignmentId === "string" ? `-${assignmentId}` : "";
  const input = {
    ...fields(formData, ["caseId", "assignmentId"]),
    outcome: formData.get(`outcome${suffix}`) ?? undefined,
    statusNote: formData.get(`statusNote${suffix}`) ?? undefined,
  };
  return done(formData)(await runAction(settleAssignmentInput, input, formValues(formData), (p) => settleAssignment(actor, p)));
};

/** Staff stop an organisation's link to its assignment (decision 037). */
export const revokeAssignmentLinkAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "assignmentId"]);
  return done(formData)(await runAction(assignmentLinkRef, input, formValues(formData), (p) => revokeAssignmentLink(actor, p)));
};

/** Staff send an organisation a new link to its assignment; a link that still works stops. */
export const resendAssignmentLinkAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "assignmentId"]);
  return done(formData)(await runAction(assignmentLinkRef, input, formValues(formData), (p) => resendAssignmentLink(actor, p)));
};
