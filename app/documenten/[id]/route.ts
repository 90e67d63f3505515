import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { readDocument } from "@/lib/server/documents/read-document";
import { attachmentResponse, privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ id: string }> };

/**
 * Downloads one case document. A visitor who is not signed in goes to the
 * sign-in page and comes back here; a document that does not exist or is not
 * theirs to read answers 404, the same for both.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const actor = await requireActor(`/documenten/${encodeURIComponent(id)}`);
  try {
    const document = await readDocument(actor, id);
    return attachmentResponse({ content: document.content, contentType: document.contentType, fileName: document.fileName });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const t = await getTranslations("documents");
    return privateNotFound(t("notFound"));
  }
}
