import "server-only";
import { prisma } from "@/lib/db/client";

type GemeenteName = { cbsCode: string; name: string; commonName: string | null };

/**
 * The gemeenten's codes and names change only with the yearly CBS list (decision 019),
 * while the filing form and every case page list all 342 of them. The list is read
 * again after five minutes, or at once in the process that applied a new list.
 */
const keepMs = 5 * 60_000;
let kept: { at: number; list: Promise<GemeenteName[]> } | null = null;

/** Public reference data: every gemeente that exists (not those that merged into another), for choosing the responsible one. */
export function listGemeenten(now = Date.now()): Promise<GemeenteName[]> {
  if (!kept || now - kept.at > keepMs) {
    const list = prisma.gemeente.findMany({
      where: { endedOn: null },
      orderBy: { name: "asc" },
      select: { cbsCode: true, name: true, commonName: true },
    });
    const entry = { at: now, list };
    kept = entry;
    // A failed read is not kept: the next request tries again.
    list.catch(() => {
      if (kept === entry) kept = null;
    });
  }
  return kept.list;
}

/** After a new list was applied: the next read gets the gemeenten as they are now. */
export function forgetGemeenten(): void {
  kept = null;
}
