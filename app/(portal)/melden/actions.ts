"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { fileCaseInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { fileCase } from "@/lib/server/cases/file-case";

const textFields = [
  "submissionId",
  "filerRole",
  "organisation",
  "childName",
  "childBirthDate",
  "childBsn",
  "livingSituation",
  "ownGemeenteCode",
  "previousGemeenteCode",
  "motherGemeenteCode",
  "stuckSince",
  "stuckDescription",
  "triedDescription",
  "needDescription",
  "urgency",
  "contactPhone",
  "consentMethod",
] as const;

export async function fileCaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/melden");
  const values = formValues(formData);
  const input: Record<string, unknown> = { domains: formData.getAll("domains"), consent: formData.get("consent") ?? undefined };
  for (const field of textFields) input[field] = formData.get(field) ?? undefined;
  const result = await runAction(fileCaseInput, input, values, (parsed) => fileCase(actor, parsed));
  if (result?.ok) redirect(`/mijn-meldingen/${result.data.number}/bevestiging`);
  return result;
}
