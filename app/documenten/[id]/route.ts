import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { attachmentDisposition } from "@/lib/domain/documents";
import { readDocument } from "@/lib/server/documents/read-document";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ id: string }> };

const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

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
    return new Response(Buffer.from(document.content), {
      status: 200,
      headers: {
        ...privateHeaders,
        "Content-Type": document.contentType,
        "Content-Length": String(document.content.byteLength),
        "Content-Disposition": attachmentDisposition(document.fileName),
        // A PDF that is opened anyway must not run scripts or reach out from our origin.
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const t = await getTranslations("documents");
    return new Response(t("notFound"), {
      status: 404,
      headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
