import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { isQuarterKey } from "@/lib/domain/lead-times";
import { attachmentResponse, privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";
import { resolveFigureScope } from "@/lib/server/statistics/read-figure-sets";
import { readQuarterlyReport } from "@/lib/server/statistics/read-quarterly-reports";

/**
 * A quarterly report as it was made: `?niveau=gemeente&code=GM0518&kwartaal=2026-K3&vorm=pdf`
 * (or `vorm=csv`). A scope that is not the person's answers 404, like the monitoring page.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const actor = await requireActor(`/monitoring/rapport?${params}`);
  const t = await getTranslations("reports");
  const quarter = params.get("kwartaal");
  const form = params.get("vorm");
  const ref = await resolveFigureScope(params.get("niveau") ?? "", params.get("code"));
  if (!ref || !isQuarterKey(quarter) || (form !== "pdf" && form !== "csv")) return privateNotFound(t("notFound"));
  try {
    const file = await readQuarterlyReport(actor, ref, quarter, form);
    return file ? attachmentResponse(file) : privateNotFound(t("notFound"));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return privateNotFound(t("notFound"));
  }
}
