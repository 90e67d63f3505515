"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { answerInfoInput, confirmHelpStartInput, withdrawCaseInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { confirmHelpStart } from "@/lib/server/cases/confirm-help-start";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";

export async function withdrawAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/mijn-meldingen");
  const input = { caseId: formData.get("caseId") ?? undefined, reason: formData.get("reason") ?? undefined };
  const result = await runAction(withdrawCaseInput, input, formValues(formData), (p) => withdrawCase(actor, p));
  const number = formData.get("caseNumber");
  if (result?.ok && typeof number === "string" && caseNumberPattern.test(number)) redirect(`/mijn-meldingen/${number}`);
  return result;
}

export async function answerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/mijn-meldingen");
  const input = { caseId: formData.get("caseId") ?? undefined, answer: formData.get("answer") ?? undefined };
  const result = await runAction(answerInfoInput, input, formValues(formData), (p) => answerInfo(actor, p));
  const number = formData.get("caseNumber");
  if (result?.ok && typeof number === "string" && caseNumberPattern.test(number)) redirect(`/mijn-meldingen/${number}`);
  return result;
}

/** The family confirms the day the help started, or gives the right day. */
export async function confirmHelpStartAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/mijn-meldingen");
  const input = {
    caseId: formData.get("caseId") ?? undefined,
    answer: formData.get("answer") ?? undefined,
    helpStartedOn: formData.get("helpStartedOn") ?? undefined,
  };
  const result = await runAction(confirmHelpStartInput, input, formValues(formData), (p) => confirmHelpStart(actor, p));
  const number = formData.get("caseNumber");
  if (result?.ok && typeof number === "string" && caseNumberPattern.test(number)) redirect(`/mijn-meldingen/${number}`);
  return result;
}
