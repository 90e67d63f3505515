"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { fallbackInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { updateFallback } from "@/lib/server/coverage/fallback";

export async function updateFallbackAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer/dekking");
  const values = formValues(formData);
  const input = {
    name: formData.get("name") ?? "",
    email: formData.get("email") ?? "",
    phone: formData.get("phone") ?? "",
    url: formData.get("url") ?? "",
    hours: formData.get("hours") ?? "",
  };
  const result = await runAction(fallbackInput, input, values, (parsed) => updateFallback(actor, parsed));
  if (result?.ok) revalidatePath("/beheer/dekking");
  return result;
}
