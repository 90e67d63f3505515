import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { attachmentDisposition } from "@/lib/domain/documents";
import { decisionLetter } from "@/lib/server/decisions/decision-letter";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ number: string }> };

const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

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
    return new Response(Buffer.from(letter.pdf), {
      status: 200,
      headers: {
        ...privateHeaders,
        "Content-Type": "application/pdf",
        "Content-Length": String(letter.pdf.byteLength),
        "Content-Disposition": attachmentDisposition(letter.fileName),
        // A PDF that is opened anyway must not run scripts or reach out from our origin.
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const t = await getTranslations("decisions");
    return new Response(t("letterNotFound"), {
      status: 404,
      headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
