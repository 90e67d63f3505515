"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { clockStatuses } from "@/lib/domain/deadlines";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { gemeenteNormsInput, updateGemeenteNorms } from "@/lib/server/admin/manage-norms";

export async function updateNormsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer");
  const values = formValues(formData);
  const input = {
    gemeenteId: formData.get("gemeenteId"),
    ...Object.fromEntries(clockStatuses.map((s) => [s, formData.get(s) ?? ""])),
  };
  const result = await runAction(gemeenteNormsInput, input, values, (parsed) => updateGemeenteNorms(actor, parsed));
  if (result?.ok) revalidatePath("/beheer");
  return result;
}
