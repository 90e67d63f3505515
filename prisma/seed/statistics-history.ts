import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseOutcomeKey, CauseKey, OrganisationKindKey } from "@/lib/domain/causes";
import { amsterdamDay } from "@/lib/domain/deadlines";

/**
 * The demo's history: the anonymous facts of cases from the last two years
 * whose content the retention job has already removed, as they would be left
 * in "CaseStatistic" (decision 026). They give the monitoring pages and the
 * open figures something to show: the regions of the demo's staff, and a few
 * others for the country. Made up, and the same on every run (a fixed seed).
 */

/** Jeugdregio's with history, by CBS code, with how busy their smaller gemeenten are: Haaglanden (the demo's staff), and four others. */
const historyRegions: Record<string, number> = { JZ24: 1, JZ29: 0.9, JZ13: 0.8, JZ22: 0.7, JZ01: 0.5 };
/** The big cities file more: cases per month, by CBS code. */
const busy: Record<string, number> = { GM0518: 12, GM0503: 2.5, GM0599: 8, GM0363: 9, GM0344: 5, GM0014: 4 };

const causeWeights: [CauseKey, number][] = [
  ["WAITING_LIST", 30],
  ["NO_COOPERATION", 22],
  ["FUNDING", 18],
  ["NO_MANDATE", 15],
  ["NO_PROVIDER", 12],
  ["BOUNDARY_EDUCATION", 12],
  ["NO_SCHOOL_PLACE", 10],
  ["BOUNDARY_WLZ", 7],
  ["WOONPLAATSBEGINSEL", 6],
  ["MAATWERK_REFUSED", 5],
  ["BOUNDARY_ZVW", 4],
  ["NO_ASSESSMENT", 4],
  ["BOUNDARY_WMO", 2],
  ["OTHER", 2],
];
const organisationWeights: [OrganisationKindKey, number][] = [
  ["JEUGDHULPAANBIEDER", 30],
  ["SCHOOL", 22],
  ["SAMENWERKINGSVERBAND", 16],
  ["GEMEENTE", 14],
  ["WIJKTEAM", 12],
  ["GGZ", 10],
  ["LEERPLICHT_RMC", 8],
  ["ZORGKANTOOR", 5],
  ["ZORGVERZEKERAAR", 3],
  ["GECERTIFICEERDE_INSTELLING", 3],
];
const outcomeWeights: [CaseOutcomeKey, number][] = [
  ["LOCAL_AGREEMENT", 35],
  ["EXPERT_ADVICE", 25],
  ["DECISION", 15],
  ["MAATWERK", 15],
  ["NOT_SOLVED", 10],
];
const openSteps = ["SUBMITTED", "TRIAGE", "IN_PROGRESS", "WITH_EXPERT_TEAM", "DECISION_PROPOSED", "MONITORING"] as const;
const ageBands = ["0-3", "4-11", "4-11", "12-15", "12-15", "12-15", "16-17", "18+"];
const domainSets = [["JEUGDHULP"], ["JEUGDHULP", "ONDERWIJS"], ["ONDERWIJS"], ["JEUGDHULP", "ZVW_GGZ"], ["WLZ", "JEUGDHULP"], ["WMO"]] as const;

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The number of cases in a month, from a Poisson distribution around `mean`. */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

function pick<T>(random: () => number, weights: readonly [T, number][]): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weights) {
    r -= w;
    if (r < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

function some<T>(random: () => number, weights: readonly [T, number][], most: number): T[] {
  const n = 1 + Math.floor(random() * most);
  return [...new Set(Array.from({ length: n }, () => pick(random, weights)))];
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));

/** Fills the history once: a database that has any history keeps it. Returns the number of facts added. */
export async function seedStatisticsHistory(db: PrismaClient, now: Date = new Date()): Promise<number> {
  const regions = await db.region.findMany({
    where: { code: { in: Object.keys(historyRegions) } },
    select: { id: true, code: true, gemeenten: { where: { endedOn: null }, select: { id: true, cbsCode: true } } },
  });
  const random = generator(2026);
  const today = amsterdamDay(now);
  const year = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7)) - 1;
  const rows: Prisma.CaseStatisticCreateManyInput[] = [];
  for (const region of regions) {
    for (const gemeente of region.gemeenten) {
      const mean = busy[gemeente.cbsCode] ?? 0.25 + random() * 0.9 * historyRegions[region.code]!;
      for (let m = 0; m < 24 + thisMonth; m += 1) {
        const filed = monthStart(year - 2, m);
        if (filed > monthStart(year, thisMonth)) break;
        for (let n = poisson(random, mean); n > 0; n -= 1) {
          const firstContact = between(random, 0, 6);
          const referred = random() < 0.4;
          const decided = referred && random() < 0.35;
          const referral = referred ? firstContact + between(random, 3, 30) : null;
          const decision = decided ? referral! + between(random, 15, 60) : null;
          const helpStart = (decision ?? referral ?? firstContact) + between(random, 5, 45);
          const monthsOpen = Math.ceil((helpStart + between(random, 5, 40)) / 21);
          const closed = monthStart(filed.getUTCFullYear(), filed.getUTCMonth() + monthsOpen);
          const isClosed = closed <= monthStart(year, thisMonth);
          const outcome = isClosed ? (decided ? pick(random, [["DECISION", 80], ["MAATWERK", 15], ["NOT_SOLVED", 5]] as const) : pick(random, outcomeWeights.filter(([o]) => o !== "DECISION"))) : null;
          const thuiszitter = random() < 0.35;
          const outAtFiling = thuiszitter ? between(random, 20, 400) : null;
          const assignments = decided ? between(random, 1, 4) : 0;
          rows.push({
            id: randomUUID(),
            gemeenteId: gemeente.id,
            regionId: region.id,
            filedMonth: filed,
            closedMonth: isClosed ? closed : null,
            step: isClosed ? "CLOSED" : referred ? (decided ? "MONITORING" : "WITH_EXPERT_TEAM") : openSteps[between(random, 0, 2)]!,
            result: isClosed ? (outcome === "NOT_SOLVED" ? "NO_LONGER_NEEDED" : "RESOLVED") : null,
            outcome,
            urgency: random() < 0.1 ? "HIGH" : random() < 0.03 ? "CRISIS" : "NORMAL",
            domains: [...domainSets[between(random, 0, domainSets.length - 1)]!],
            ageBand: ageBands[between(random, 0, ageBands.length - 1)]!,
            thuiszitter,
            daysOutOfSchoolAtFiling: outAtFiling,
            daysOutOfSchoolAtHelpStart: thuiszitter && isClosed && outcome !== "NOT_SOLVED" ? outAtFiling! + Math.round(helpStart * 1.4) : null,
            referred,
            referredMonth: referral === null ? null : monthStart(filed.getUTCFullYear(), filed.getUTCMonth() + Math.floor(referral / 21)),
            decided,
            workingDaysToFirstContact: firstContact,
            workingDaysToReferral: referral,
            workingDaysToDecision: decision,
            workingDaysToHelpStart: isClosed && outcome !== "NOT_SOLVED" ? helpStart : null,
            workingDaysToClose: isClosed ? monthsOpen * 21 : null,
            withinNorms: isClosed ? random() < 0.6 : null,
            assignments,
            assignmentsOnTime: decided && isClosed ? (random() < 0.7 ? assignments : between(random, 0, assignments - 1)) : 0,
            transfers: random() < 0.05 ? 1 : 0,
            // An open case has causes once it was referred: what the referral recorded.
            causes: isClosed || referred ? some(random, causeWeights, 3) : [],
            organisationKinds: isClosed || referred ? some(random, organisationWeights, 3) : [],
          });
        }
      }
    }
  }
  // The seed may run as the portal's role, under row-level security: it reads as a statistics
  // reader, and names the rows it adds, as the portal's own refresh does (decision 026). About
  // two thousand rows take longer than a transaction's default 5 s on a busy machine.
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('doorbraak.statistics', 'on', true)`;
    // The demo's own cases were all filed this month: anything older is history from an earlier run.
    if ((await tx.caseStatistic.count({ where: { filedMonth: { lt: monthStart(year, thisMonth) } } })) > 0) return 0;
    await tx.$queryRaw`SELECT set_config('doorbraak.statistic_rows', ${rows.map((r) => r.id).join(",")}, true)`;
    await tx.caseStatistic.createMany({ data: rows });
    await tx.$queryRaw`SELECT set_config('doorbraak.statistic_rows', '', true)`;
    return rows.length;
  }, { timeout: 120_000, maxWait: 10_000 });
}
