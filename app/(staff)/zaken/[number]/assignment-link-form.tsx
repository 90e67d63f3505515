"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import { MonitoringFormMessage } from "./close-form";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One button on an organisation's link (send a new one, or stop it), with the server's answer above it. */
export function AssignmentLinkForm({
  caseId,
  caseNumber,
  assignmentId,
  label,
  action,
}: {
  caseId: string;
  caseNumber: string;
  assignmentId: string;
  label: string;
  action: Action;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-2">
      <MonitoringFormMessage error={state?.ok === false ? state.error : null} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
