"use server";

import { redirect } from "next/navigation";
import { requestMeta } from "@/lib/auth/session";
import { assignmentLinkPath } from "@/lib/domain/assignment-links";
import { organisationReportInput } from "@/lib/domain/inputs";
import { isWellFormedToken } from "@/lib/domain/invitations";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { reportThroughLink } from "@/lib/server/assignment-links/use-link";

/**
 * An organisation reports on its task through its link: received, done or a
 * problem. The token comes back from the form; the service looks the link up
 * by its hash and refuses a link that no longer works.
 */
export async function reportThroughLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState<{ kind: string }>> {
  const token = String(formData.get("token") ?? "");
  const kind = formData.get("kind");
  const input =
    kind === "DONE"
      ? { kind, doneOn: formData.get("doneOn") ?? undefined, reportNote: formData.get("reportNote") ?? undefined }
      : kind === "PROBLEM"
        ? { kind, reportNote: formData.get("reportNote") ?? undefined }
        : { kind };
  const { token: _, ...values } = formValues(formData);
  // A link that cannot be one is not looked up, and the report is not read.
  if (!isWellFormedToken(token)) return { ok: false, error: "linkNotWorking", fieldErrors: {}, values };
  const meta = await requestMeta();
  const result = await runAction(organisationReportInput, input, values, async (parsed) => {
    await reportThroughLink(token, meta, parsed);
    return { kind: parsed.kind };
  });
  // The page is made again with what changed, and says thank you.
  if (result?.ok) redirect(`${assignmentLinkPath(token)}?gemeld=${result.data.kind}`);
  // The link stopped working while the page was open (expired, revoked, replaced).
  return result?.ok === false && result.error === "notFound" ? { ...result, error: "linkNotWorking" } : result;
}
