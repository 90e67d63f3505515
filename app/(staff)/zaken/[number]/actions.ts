"use server";

import { redirect } from "next/navigation";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { requireActor } from "@/lib/auth/session";
import {
  claimCaseInput,
  logInterventionInput,
  proposeDecisionInput,
  recordDecisionInput,
  referCaseInput,
  requestInfoInput,
  startLocalInput,
} from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { claimCase } from "@/lib/server/cases/claim-case";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

function fields(formData: FormData, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));
}

/**
 * After a change the workspace is loaded afresh (the form that was used may no
 * longer be offered) with a confirmation at the top.
 */
function done<T>(formData: FormData) {
  return (state: ActionState<T>): ActionState<T> => {
    const number = formData.get("caseNumber");
    if (state?.ok && typeof number === "string" && caseNumberPattern.test(number)) redirect(`/zaken/${number}?gedaan=1`);
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

export const referAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/werkbak");
  const input = fields(formData, ["caseId", "question"]);
  return done(formData)(await runAction(referCaseInput, input, formValues(formData), (p) => referCase(actor, p)));
};

export const logInterventionAction: Action = async (_prev, formData) => {
  const actor = await requireActor("/expertteam");
  const input = fields(formData, ["caseId", "type", "occurredOn", "participants", "familyInvolved", "outcome", "nextStep"]);
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
  const input = { ...fields(formData, ["caseId", "legalBasis", "rationale"]), assignments: assignmentRows(formData) };
  return done(formData)(await runAction(recordDecisionInput, input, formValues(formData), (p) => recordDecision(actor, p)));
};
