import type { Membership } from "./roles";
import { may } from "./permissions";

/**
 * Whose monitoring figures a person may see: a gemeente's staff see their
 * gemeente (next to its region and the country), an expert team and the
 * region's coordinator see their jeugdregio with its gemeenten side by side,
 * the ombudsman and the platform admin see the country with its regions.
 */
export type FigureScopeRef =
  | { level: "gemeente"; gemeenteId: string }
  | { level: "region"; regionId: string }
  | { level: "country" };

/** Every scope the memberships give, widest last, without repeats. */
export function figureScopesOf(memberships: readonly Membership[]): FigureScopeRef[] {
  const gemeenten = new Set<string>();
  const regions = new Set<string>();
  let country = false;
  for (const m of memberships) {
    if (!may([m.role], "statistics.read")) continue;
    if (m.gemeenteId) gemeenten.add(m.gemeenteId);
    else if (m.regionId) regions.add(m.regionId);
    else country = true;
  }
  return [
    ...[...gemeenten].map((gemeenteId) => ({ level: "gemeente" as const, gemeenteId })),
    ...[...regions].map((regionId) => ({ level: "region" as const, regionId })),
    ...(country ? [{ level: "country" as const }] : []),
  ];
}

/**
 * Whether the memberships give this scope; anything else is answered as not
 * found. The country's roles (the ombudsman, the platform admin) may open any
 * region's and gemeente's figures too: they oversee them all.
 */
export function mayReadFigures(memberships: readonly Membership[], scope: FigureScopeRef): boolean {
  const held = figureScopesOf(memberships);
  if (held.some((s) => s.level === "country")) return true;
  return held.some(
    (s) =>
      s.level === scope.level &&
      (s.level !== "gemeente" || (scope.level === "gemeente" && s.gemeenteId === scope.gemeenteId)) &&
      (s.level !== "region" || (scope.level === "region" && s.regionId === scope.regionId)),
  );
}
