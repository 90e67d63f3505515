import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { isFigureTableKey } from "@/lib/domain/figure-tables";
import { privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";
import { figureSetCsv } from "@/lib/server/statistics/figures-download";
import { readMonitoringFigures, resolveFigureScope } from "@/lib/server/statistics/read-figure-sets";

/**
 * One table of a monitoring page as CSV: `?niveau=gemeente&code=GM0518&jaar=2026&tabel=oorzaken`.
 * A scope that is not the person's answers 404, like the page.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const actor = await requireActor(`/monitoring/csv?${params}`);
  const t = await getTranslations("figures");
  const level = params.get("niveau") ?? "";
  const table = params.get("tabel");
  const year = Number(params.get("jaar"));
  const ref = await resolveFigureScope(level, params.get("code"));
  if (!ref || !isFigureTableKey(table) || !Number.isInteger(year)) return privateNotFound(t("notFound"));
  try {
    const published = await readMonitoringFigures(actor, ref, year);
    if (!published.set || published.year !== year) return privateNotFound(t("notFound"));
    const scopeName = ref.level === "country" ? t("country") : published.heading.name;
    return (await figureSetCsv(published.set, table, scopeName, false)) ?? privateNotFound(t("notFound"));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return privateNotFound(t("notFound"));
  }
}
