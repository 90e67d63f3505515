import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { partyLetter } from "@/lib/server/decisions/decision-letter";
import { attachmentResponse, privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ number: string; assignmentId: string }> };

/**
 * Downloads one party's copy of a case's decision as a PDF, for staff to send
 * to that party. Not signed in: to sign-in and back; not theirs, no such
 * assignment in the decision in force: 404, the same for all.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { number, assignmentId } = await params;
  const actor = await requireActor(`/besluitbrief/${encodeURIComponent(number)}/opdracht/${encodeURIComponent(assignmentId)}`);
  try {
    const letter = await partyLetter(actor, number, assignmentId);
    return attachmentResponse({ content: letter.pdf, contentType: "application/pdf", fileName: letter.fileName });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const t = await getTranslations("decisions");
    return privateNotFound(t("letterNotFound"));
  }
}
