"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { addOrganisationInput, archiveOrganisationInput, setLeerplichtContactInput, updateOrganisationInput } from "@/lib/domain/organisations";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { addOrganisation, archiveOrganisation, setLeerplichtContact, updateOrganisation } from "@/lib/server/admin/manage-organisations";
import { inviteProfessionalInput } from "@/lib/domain/staff-inputs";
import { inviteProfessional } from "@/lib/server/staff/invite-professional";

const PAGE = "/beheer/organisaties";
const entryFields = ["kind", "sector", "name", "contactName", "email", "phone", "address"] as const;

function read(formData: FormData, names: readonly string[]): Record<string, FormDataEntryValue | null> {
  return Object.fromEntries(names.map((n) => [n, formData.get(n) ?? ""]));
}

export async function addOrganisationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(PAGE);
  const input = read(formData, ["gemeenteId", "regionId", ...entryFields]);
  const result = await runAction(addOrganisationInput, input, formValues(formData), (parsed) => addOrganisation(actor, parsed));
  if (result?.ok) revalidatePath(PAGE);
  return result;
}

export async function updateOrganisationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(PAGE);
  const input = read(formData, ["organisationId", ...entryFields]);
  const result = await runAction(updateOrganisationInput, input, formValues(formData), (parsed) => updateOrganisation(actor, parsed));
  if (result?.ok) revalidatePath(PAGE);
  return result;
}

export async function archiveOrganisationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(PAGE);
  const input = read(formData, ["organisationId"]);
  const result = await runAction(archiveOrganisationInput, input, formValues(formData), (parsed) => archiveOrganisation(actor, parsed));
  if (result?.ok) revalidatePath(PAGE);
  return result;
}

export async function setLeerplichtContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(PAGE);
  const input = read(formData, ["gemeenteId", "organisationId"]);
  const result = await runAction(setLeerplichtContactInput, input, formValues(formData), (parsed) => setLeerplichtContact(actor, parsed));
  if (result?.ok) revalidatePath(PAGE);
  return result;
}

/** A person of a leerplicht office, RMC or samenwerkingsverband of the directory gets an invitation to a professional account. */
export async function inviteProfessionalAction(_prev: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const actor = await requireActor(PAGE);
  const input = read(formData, ["organisationId", "name", "email"]);
  const result = await runAction(inviteProfessionalInput, input, formValues(formData), async (parsed) => {
    await inviteProfessional(actor, parsed);
    return { email: parsed.email };
  });
  if (result?.ok) revalidatePath(PAGE);
  return result;
}
