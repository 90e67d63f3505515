"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { gemeenteContactInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { updateGemeenteContact } from "@/lib/server/admin/manage-gemeente";

export async function updateContactAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer");
  const values = formValues(formData);
  const input = {
    gemeenteId: formData.get("gemeenteId"),
    contactName: formData.get("contactName") ?? "",
    contactEmail: formData.get("contactEmail") ?? "",
    contactPhone: formData.get("contactPhone") ?? "",
    contactHours: formData.get("contactHours") ?? "",
    clientSupportName: formData.get("clientSupportName") ?? "",
    clientSupportPhone: formData.get("clientSupportPhone") ?? "",
    clientSupportUrl: formData.get("clientSupportUrl") ?? "",
    ombudsmanName: formData.get("ombudsmanName") ?? "",
    ombudsmanUrl: formData.get("ombudsmanUrl") ?? "",
  };
  const result = await runAction(gemeenteContactInput, input, values, (parsed) => updateGemeenteContact(actor, parsed));
  if (result?.ok) revalidatePath("/beheer");
  return result;
}
