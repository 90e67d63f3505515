import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { decisionLetter } from "@/lib/server/decisions/decision-letter";
import { attachmentResponse, privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ number: string }> };

/**
 * Downloads the decision letter of a case as a PDF. A visitor who is not
 * signed in goes to the sign-in page and comes back here; a case that does
 * not exist, is not theirs, or has no decision yet answers 404, the same for all.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { number } = await params;
  const actor = await requireActor(`/besluitbrief/${encodeURIComponent(number)}`);
  try {
    const letter = await decisionLetter(actor, number);
    return attachmentResponse({ content: letter.pdf, contentType: "application/pdf", fileName: letter.fileName });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const t = await getTranslations("decisions");
    return privateNotFound(t("letterNotFound"));
  }
}
