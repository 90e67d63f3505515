"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { caseDraftInput, fileCaseInput, filingTextFields } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { fileCase } from "@/lib/server/cases/file-case";
import { saveDraft } from "@/lib/server/drafts/case-draft";



export async function fileCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/melden");
  const values = formValues(formData);
  const input: Record<string, unknown> = { domains: formData.getAll("domains") };
  for (const field of filingTextFields) input[field] = formData.get(field) ?? undefined;
  const result = await runAction(fileCaseInput, input, values, (parsed) => fileCase(actor, parsed));
  if (result?.ok) redirect(`/mijn-meldingen/${result.data.number}/bevestiging`);
  return result;
}

/** Called by the form as the person types; answers whether the draft was saved. */
export async function saveDraftAction(formData: FormData): Promise<boolean> {
  const actor = await requireActor("/melden");
  const input: Record<string, unknown> = { domains: formData.getAll("domains") };
  for (const field of filingTextFields) {
    const value = formData.get(field);
    if (typeof value === "string") input[field] = value;
  }
  const result = await runAction(caseDraftInput, input, {}, (parsed) => saveDraft(actor, parsed));
  return result?.ok === true;
}
