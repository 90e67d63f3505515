import { getTranslations } from "next-intl/server";
import { prisma } from "@/lib/db/client";
import { isFigureTableKey } from "@/lib/domain/figure-tables";
import { privateNotFound } from "@/lib/server/download-response";
import { NotFoundError } from "@/lib/server/errors";
import { figureSetCsv } from "@/lib/server/statistics/figures-download";
import { readOpenFigures } from "@/lib/server/statistics/read-figure-sets";

/** One table of the open figures as CSV, for anyone: `?regio=JZ01&jaar=2026&tabel=oorzaken` (no regio: the country). */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const t = await getTranslations("figures");
  const table = params.get("tabel");
  const year = Number(params.get("jaar"));
  const code = params.get("regio");
  const region = code ? await prisma.region.findUnique({ where: { code: code.slice(0, 20) }, select: { id: true, name: true } }) : null;
  if ((code && !region) || !isFigureTableKey(table) || !Number.isInteger(year)) return privateNotFound(t("notFound"));
  try {
    const published = await readOpenFigures(region ? { level: "region", regionId: region.id } : { level: "country" }, year);
    if (!published.set || published.year !== year) return privateNotFound(t("notFound"));
    return (await figureSetCsv(published.set, table, region ? region.name : t("country"), true)) ?? privateNotFound(t("notFound"));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return privateNotFound(t("notFound"));
  }
}
