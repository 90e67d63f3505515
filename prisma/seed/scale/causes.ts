import type { CaseOutcomeKey, CauseKey, OrganisationKindKey } from "@/lib/domain/causes";
import type { Random } from "./random";

/**
 * Plausible causes, organisation kinds and outcomes for the national data set:
 * skewed as escalations are (waiting lists, organisations that do not work
 * together and nobody in charge most often; a legal boundary or the
 * woonplaatsbeginsel now and then), several per case, and leaning towards the
 * boundaries and organisations of the domains the case was filed for.
 */

const causeWeights: Record<CauseKey, number> = {
  WAITING_LIST: 22,
  NO_COOPERATION: 17,
  NO_MANDATE: 13,
  FUNDING: 12,
  NO_PROVIDER: 9,
  NO_SCHOOL_PLACE: 8,
  BOUNDARY_EDUCATION: 6,
  NO_ASSESSMENT: 5,
  BOUNDARY_ZVW: 4,
  MAATWERK_REFUSED: 4,
  BOUNDARY_WLZ: 3,
  WOONPLAATSBEGINSEL: 3,
  BOUNDARY_WMO: 2,
  BOUNDARY_OTHER: 1,
  OTHER: 2,
};

const kindWeights: Record<OrganisationKindKey, number> = {
  JEUGDHULPAANBIEDER: 24,
  SCHOOL: 17,
  SAMENWERKINGSVERBAND: 13,
  WIJKTEAM: 12,
  GEMEENTE: 10,
  GGZ: 8,
  HUISARTS: 2,
  LEERPLICHT_RMC: 6,
  ZORGVERZEKERAAR: 3,
  ZORGKANTOOR: 3,
  GECERTIFICEERDE_INSTELLING: 3,
  OTHER: 1,
};

/** What a domain of the filing makes more likely. */
const domainLeaning: Record<string, { causes: Partial<Record<CauseKey, number>>; kinds: Partial<Record<OrganisationKindKey, number>> }> = {
  ONDERWIJS: { causes: { NO_SCHOOL_PLACE: 14, BOUNDARY_EDUCATION: 10 }, kinds: { SCHOOL: 20, SAMENWERKINGSVERBAND: 16, LEERPLICHT_RMC: 8 } },
  WLZ: { causes: { BOUNDARY_WLZ: 20, NO_ASSESSMENT: 6 }, kinds: { ZORGKANTOOR: 20 } },
  ZVW_GGZ: { causes: { BOUNDARY_ZVW: 16, WAITING_LIST: 10 }, kinds: { GGZ: 18, ZORGVERZEKERAAR: 12 } },
  WMO: { causes: { BOUNDARY_WMO: 16 }, kinds: { GEMEENTE: 10, WIJKTEAM: 6 } },
  JEUGDHULP: { causes: {}, kinds: {} },
};

function several<K extends string>(r: Random, weights: Record<K, number>, count: number): K[] {
  const left = { ...weights };
  const out: K[] = [];
  while (out.length < count && Object.keys(left).length > 0) {
    const k = r.weighted(left);
    out.push(k);
    delete left[k];
  }
  return out.sort();
}

function leaning<K extends string>(base: Record<K, number>, extra: Partial<Record<K, number>>[]): Record<K, number> {
  const out = { ...base };
  for (const e of extra) for (const [k, w] of Object.entries(e) as [K, number][]) out[k] += w;
  return out;
}

/** How many of a list a case names: mostly one to three. */
function howMany(r: Random): number {
  const x = r.next();
  return x < 0.33 ? 1 : x < 0.73 ? 2 : x < 0.93 ? 3 : 4;
}

export function impasseOf(r: Random, domains: readonly string[]): { causes: CauseKey[]; organisationKinds: OrganisationKindKey[] } {
  const lean = domains.flatMap((d) => (domainLeaning[d] ? [domainLeaning[d]] : []));
  return {
    causes: several(r, leaning(causeWeights, lean.map((l) => l.causes)), howMany(r)),
    organisationKinds: several(r, leaning(kindWeights, lean.map((l) => l.kinds)), Math.max(1, howMany(r))),
  };
}

/** At closing, what the referral recorded, sometimes with one more cause or kind seen since. */
export function refinedImpasse(
  r: Random,
  domains: readonly string[],
  referred: { causes: CauseKey[]; organisationKinds: OrganisationKindKey[] } | undefined,
): { causes: CauseKey[]; organisationKinds: OrganisationKindKey[] } {
  if (!referred) return impasseOf(r, domains);
  if (!r.chance(0.3)) return referred;
  const more = impasseOf(r, domains);
  return {
    causes: [...new Set([...referred.causes, more.causes[0]!])].sort(),
    organisationKinds: [...new Set([...referred.organisationKinds, more.organisationKinds[0]!])].sort(),
  };
}

/** How the case was solved, by how far it went; a case no longer needed was more often not solved. */
export function outcomeOf(r: Random, path: { decided: boolean; referred: boolean; noLongerNeeded: boolean }): CaseOutcomeKey {
  if (path.noLongerNeeded && r.chance(0.4)) return "NOT_SOLVED";
  // A referred case closes after a decision; often that decision carried out the expert team's advice.
  if (path.decided && path.referred) return r.weighted({ DECISION: 55, EXPERT_ADVICE: 30, MAATWERK: 12, NOT_SOLVED: 3 });
  if (path.decided) return r.weighted({ DECISION: 85, MAATWERK: 12, NOT_SOLVED: 3 });
  if (path.referred) return r.weighted({ EXPERT_ADVICE: 70, MAATWERK: 12, LOCAL_AGREEMENT: 8, NOT_SOLVED: 10 });
  return r.weighted({ LOCAL_AGREEMENT: 78, MAATWERK: 10, NOT_SOLVED: 12 });
}
