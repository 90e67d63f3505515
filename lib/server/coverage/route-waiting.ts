import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { rerouteFor } from "@/lib/domain/coverage";
import type { Tx } from "@/lib/db/client";
import { withSystemScope } from "@/lib/db/acting";
import { gemeenteFacts } from "./facts";
import { refreshCaseStatistics } from "@/lib/server/statistics/case-statistic";
import { handCaseTo } from "./hand-case";

export type CoverageChange = { gemeenteIds?: readonly string[]; regionIds?: readonly string[] };

/**
 * Called, in the same transaction, after anything that can make a gemeente or a
 * region's expert team live: an activation, a new aanspreekpunt, decision holder or
 * expert team member, a merger. Cases that wait at the region or the national
 * fallback for such a gemeente are handed to whoever can now act on them. The person
 * whose change it was (a gemeente admin, say) may not read these cases, so the cases
 * are found and moved in the system's scope; the events name that person.
 */
export async function routeWaitingCases(tx: Tx, actor: Actor | null, change: CoverageChange): Promise<number> {
  const gemeenteIds = [...(change.gemeenteIds ?? [])];
  const regionIds = [...(change.regionIds ?? [])];
  if (gemeenteIds.length === 0 && regionIds.length === 0) return 0;
  return withSystemScope(tx, async () => {
    const waiting = await tx.case.findMany({
      where: {
        closedAt: null,
        routing: { in: ["REGION", "FALLBACK"] },
        OR: [{ gemeenteId: { in: gemeenteIds } }, { regionId: { in: regionIds } }],
      },
      orderBy: { createdAt: "asc" },
      select: { id: true, number: true, gemeenteId: true, regionId: true, status: true, routing: true, filedById: true, needDescription: true },
    });
    if (waiting.length === 0) return 0;
    const facts = await gemeenteFacts(tx, [...new Set(waiting.map((c) => c.gemeenteId))]);
    const moved: string[] = [];
    for (const c of waiting) {
      const g = facts.get(c.gemeenteId);
      const next = g ? rerouteFor(c.routing, g) : null;
      if (!next) continue;
      await handCaseTo(tx, actor, c, next);
      moved.push(c.id);
    }
    await refreshCaseStatistics(tx, moved);
    return moved.length;
  });
}
