"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { reportAssignmentInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { reportAssignment } from "@/lib/server/monitoring/report-assignment";

/**
 * The family says an assignment did not happen. The note's field carries the
 * assignment's id (several forms on one page). On success the page renders
 * again in place, with the report under its assignment: a redirect to the same
 * page with only an anchor would not fetch the page again.
 */
export async function reportAssignmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/mijn-meldingen");
  const assignmentId = formData.get("assignmentId");
  const input = {
    caseId: formData.get("caseId") ?? undefined,
    assignmentId: assignmentId ?? undefined,
    reportNote: (typeof assignmentId === "string" ? formData.get(`reportNote-${assignmentId}`) : null) ?? undefined,
  };
  const result = await runAction(reportAssignmentInput, input, formValues(formData), (p) => reportAssignment(actor, p));
  const number = formData.get("caseNumber");
  if (result?.ok && typeof number === "string" && caseNumberPattern.test(number)) revalidatePath(`/mijn-meldingen/${number}`);
  return result;
}
