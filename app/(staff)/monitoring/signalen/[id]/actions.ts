"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { signalMarkInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { markSignal } from "@/lib/server/statistics/signals";

/** The region's coordinator or a gemeente admin records what was done with a structural signal. */
export async function markSignalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const signalId = String(formData.get("signalId") ?? "");
  const actor = await requireActor(`/monitoring/signalen/${encodeURIComponent(signalId)}`);
  const values = formValues(formData);
  const input = {
    signalId,
    status: formData.get("status") ?? "",
    note: formData.get("note") ?? "",
    actedOn: formData.get("actedOn") ?? "",
  };
  const result = await runAction(signalMarkInput, input, values, (parsed) => markSignal(actor, parsed));
  if (result?.ok) revalidatePath("/monitoring", "layout");
  return result;
}
