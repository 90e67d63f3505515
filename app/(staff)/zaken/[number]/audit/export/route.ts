import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { isAuditExportFormat } from "@/lib/domain/audit-export";
import { exportAuditTrail } from "@/lib/server/audit/export-audit-trail";
import { streamedAttachment } from "@/lib/server/audit/export-response";
import { privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";

type Context = { params: Promise<{ number: string }> };

/**
 * Downloads the whole audit trail of a case: `?format=csv` or `?format=json`.
 * Every download is audited before the events are read. A visitor who is not
 * signed in goes to the sign-in page and comes back here; a case that does not
 * exist or whose trail is not theirs to read answers 404, the same for both.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { number } = await params;
  const format = new URL(request.url).searchParams.get("format");
  const actor = await requireActor(`/zaken/${encodeURIComponent(number)}/audit/export?format=${encodeURIComponent(format ?? "")}`);
  const t = await getTranslations("audit.export");
  if (!isAuditExportFormat(format)) return privateNotFound(t("unknownFormat"));
  if (!caseNumberPattern.test(number)) return privateNotFound(t("notFound"));
  try {
    return streamedAttachment(await exportAuditTrail(actor, number, format));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return privateNotFound(t("notFound"));
  }
}
