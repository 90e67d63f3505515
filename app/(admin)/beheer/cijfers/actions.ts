"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { statisticsThresholdInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { updateStatisticsThreshold } from "@/lib/server/statistics/statistics-policy";

export async function updateStatisticsThresholdAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer/cijfers");
  const values = formValues(formData);
  const input = { threshold: formData.get("threshold") ?? "", signalThreshold: formData.get("signalThreshold") ?? "" };
  const result = await runAction(statisticsThresholdInput, input, values, (parsed) => updateStatisticsThreshold(actor, parsed));
  if (result?.ok) revalidatePath("/beheer/cijfers");
  return result;
}
