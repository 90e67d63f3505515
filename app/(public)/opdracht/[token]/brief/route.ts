import { getTranslations } from "next-intl/server";
import { requestMeta } from "@/lib/auth/session";
import { assignmentLinkLetter } from "@/lib/server/assignment-links/use-link";
import { attachmentResponse, privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ token: string }> };

/** The organisation downloads its copy of the decision letter through its link; a link that does not work is 404. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  try {
    const letter = await assignmentLinkLetter(token, await requestMeta());
    return attachmentResponse({ content: letter.pdf, contentType: "application/pdf", fileName: letter.fileName });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const t = await getTranslations("organisationTask.notFound");
    return privateNotFound(t("title"));
  }
}
