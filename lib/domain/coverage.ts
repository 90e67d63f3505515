/**
 * Whether anyone can act on a case filed for a gemeente (DESIGN.md, "Scale"). A
 * gemeente is live when a platform admin activated it, it has at least one
 * aanspreekpunt and one decision holder, and its region's expert team is live; an
 * expert team is live when it was activated and has at least one member. A case for a
 * gemeente that is not live goes to the region's expert team when that is live, or
 * else to the national fallback: never nowhere.
 */

export type RegionFacts = {
  teamActivated: boolean;
  experts: number;
};

export type GemeenteFacts = {
  activated: boolean;
  aanspreekpunten: number;
  decisionHolders: number;
  /** null: the gemeente is in no jeugdregio */
  region: RegionFacts | null;
};

export type CaseRoute = "GEMEENTE" | "REGION" | "FALLBACK";

/** What a gemeente still lacks to be live, in the order an admin would fix it. */
export type Missing = "activation" | "aanspreekpunt" | "decisionHolder" | "expertTeam";

export function isRegionLive(region: RegionFacts | null): boolean {
  return region !== null && region.teamActivated && region.experts > 0;
}

export function missingForLive(g: GemeenteFacts): Missing[] {
  const missing: Missing[] = [];
  if (!g.activated) missing.push("activation");
  if (g.aanspreekpunten === 0) missing.push("aanspreekpunt");
  if (g.decisionHolders === 0) missing.push("decisionHolder");
  if (!isRegionLive(g.region)) missing.push("expertTeam");
  return missing;
}

export function isGemeenteLive(g: GemeenteFacts): boolean {
  return missingForLive(g).length === 0;
}

/** Who is to act on a new case for this gemeente. */
export function routeFor(g: GemeenteFacts): CaseRoute {
  if (isGemeenteLive(g)) return "GEMEENTE";
  return isRegionLive(g.region) ? "REGION" : "FALLBACK";
}

/**
 * Where a waiting case goes once coverage changed: to the gemeente when it is live
 * now, to the region's expert team when a case at the fallback can go there, or
 * nowhere new (null) when nothing changed for it.
 */
export function rerouteFor(current: CaseRoute, g: GemeenteFacts): CaseRoute | null {
  const now = routeFor(g);
  if (now === current) return null;
  if (now === "GEMEENTE") return "GEMEENTE";
  // A case never goes back from someone to the fallback: a gemeente that loses its last
  // aanspreekpunt keeps its cases in its queue, for the admin to hand on.
  if (now === "REGION" && current === "FALLBACK") return "REGION";
  return null;
}
