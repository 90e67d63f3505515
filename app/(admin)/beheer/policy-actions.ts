"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { gemeentePolicyInput, policyInputFromForm } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { updateGemeentePolicy } from "@/lib/server/admin/manage-policy";

export async function updatePolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer");
  const result = await runAction(gemeentePolicyInput, policyInputFromForm(formData), formValues(formData), (parsed) =>
    updateGemeentePolicy(actor, parsed),
  );
  if (result?.ok) revalidatePath("/beheer");
  return result;
}
