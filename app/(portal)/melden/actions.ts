"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { caseDraftInput, fileCaseInput, filingInputFromForm } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { fileCase } from "@/lib/server/cases/file-case";
import { inspectFilingDocuments } from "@/lib/server/documents/filing-documents";
import { saveDraft } from "@/lib/server/drafts/case-draft";

export async function fileCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/melden");
  const values = formValues(formData);
  // The files are read first: a problem with one is said next to the field, and nothing is filed.
  const documents = await inspectFilingDocuments(formData.getAll("documents"));
  if (!documents.ok) {
    const checked = await runAction(fileCaseInput, filingInputFromForm(formData), values, async () => null);
    const fieldErrors = { ...(checked?.ok === false ? checked.fieldErrors : {}), documents: documents.problem };
    return { ok: false, error: "checkFields", fieldErrors, values };
  }
  const result = await runAction(fileCaseInput, filingInputFromForm(formData), values, (parsed) => fileCase(actor, parsed, documents.documents));
  if (result?.ok) redirect(`/mijn-meldingen/${result.data.number}/bevestiging`);
  return result;
}

/** Called by the form as the person types; answers whether the draft was saved. */
export async function saveDraftAction(formData: FormData): Promise<boolean> {
  const actor = await requireActor("/melden");
  const result = await runAction(caseDraftInput, filingInputFromForm(formData), {}, (parsed) => saveDraft(actor, parsed));
  return result?.ok === true;
}
