import "server-only";
import { prisma } from "@/lib/db/client";

type GemeenteName = { cbsCode: string; name: string; commonName: string | null };

/**
 * The gemeenten's codes and names change only with a release (a merger takes effect on
 * 1 January, through a migration), while the filing form and every case page list all
 * 342 of them. The list is read again after five minutes.
 */
const keepMs = 5 * 60_000;
let kept: { at: number; list: Promise<GemeenteName[]> } | null = null;

/** Public reference data: every gemeente, for choosing the responsible one. */
export function listGemeenten(now = Date.now()): Promise<GemeenteName[]> {
  if (!kept || now - kept.at > keepMs) {
    const list = prisma.gemeente.findMany({ orderBy: { name: "asc" }, select: { cbsCode: true, name: true, commonName: true } });
    const entry = { at: now, list };
    kept = entry;
    // A failed read is not kept: the next request tries again.
    list.catch(() => {
      if (kept === entry) kept = null;
    });
  }
  return kept.list;
}
