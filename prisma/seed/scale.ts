/**
 * `npm run seed:scale`: a national data set for benchmarks, in the database
 * `doorbraak_scale` on the local PostgreSQL server (docs/benchmarks.md).
 *
 * 342 gemeenten in their real 42 jeugdregio's (the project's reference data,
 * prisma/data), staff for every gemeente and region, and 100,000 cases filed
 * since 2022, spread over the gemeenten by size, each played through its life
 * as the services would have written it: timelines, referrals,
 * interventions, decisions and assignments, notifications, and an audit trail
 * of changes and staff reads, hash-chained per case. Closed cases past their
 * retention period are emptied as the retention job leaves them.
 *
 * Everything is generated in Node with a seeded generator (the cases shared
 * out over two worker processes, ./scale/worker.ts) and streamed into
 * PostgreSQL with COPY into tables whose indexes and keys are built again
 * afterwards. The data is loaded into
 * `doorbraak_scale_loading`, checked, and only then renamed to
 * `doorbraak_scale`, so a half-loaded database is never seen under that name.
 *
 * Environment: SCALE_DATABASE_URL (a superuser's URL of the target database,
 * default postgresql://postgres@127.0.0.1:5432/doorbraak_scale), SCALE_CASES
 * (default 100000), SCALE_SEED (default "doorbraak-scale"), SCALE_WORKERS
 * (default 2), AUTH_SECRET (seals
 * the staff's authenticator secret; start the portal with the same one).
 * Run with `tsx --conditions=react-server`: it uses server-only modules.
 */
import { fork } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { chainFor, type Changes } from "@/lib/domain/audit";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { clockStatuses, type Norms } from "@/lib/domain/deadlines";
import { RETENTION_DEFAULT_MONTHS } from "@/lib/domain/retention";
import type { Role } from "@/lib/domain/roles";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyAuditChains } from "@/lib/server/audit/verify-chains";
import { sealSecret } from "@/lib/server/sign-in/secret-box";
import { rebuildCaseStatistics } from "@/lib/server/statistics/rebuild";
import { publishFigures } from "@/lib/server/statistics/publish-figures";
import { detectSignals } from "@/lib/server/statistics/signals";
import { migrateDeploy } from "../../scripts/db/engine";
import { DAY, MINUTE } from "./scale/calendar";
import { restoreIndexes, schemaFingerprint, setAsideIndexes } from "./scale/indexes";
import type { AuditRecord, Person, Place } from "./scale/lifecycle";
import { Random } from "./scale/random";
import { Loader, loadOrder, registration, writeChain, writeUser, type CaseSeed, type WorkerResult, type WorkerSpec } from "./scale/rows";
import * as words from "./scale/vocabulary";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./demo";
import { importReferenceData } from "./reference";

// ───────────────────────── settings ─────────────────────────

const TARGET_URL = process.env.SCALE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/doorbraak_scale";
const CASES = Number(process.env.SCALE_CASES ?? 100_000);
const SEED = process.env.SCALE_SEED ?? "doorbraak-scale";
/** Without AUTH_SECRET the staff's authenticator secret is sealed with this one; start the portal with it. */
const FALLBACK_AUTH_SECRET = "doorbraak-scale-benchmark-only-not-a-secret";
/** Without AUDIT_MAC_KEY the generated audit events are marked with this one (decision 024); start the portal with it. */
const FALLBACK_AUDIT_MAC_KEY = "doorbraak-scale-benchmark-only-audit-mac-key";
const NOW = Date.now();
/** Filing starts here: the portal went live in January 2022. */
const START = Date.UTC(2022, 0, 3, 8, 0, 0);
const DOMAIN = "schaal.doorbraak.nl";
const BENCH_GEMEENTE = "GM0363";
/** Amsterdam's jeugdregio (CBS code), whose expert team has the bench's expert account. */
const AMSTERDAM_AMSTELLAND = "JZ13";
/** Reads of a case by staff per day of waiting, besides the reads before every step. */
const READ_RATE = 0.11;
/** Processes that generate and load the cases, each its share. */
const WORKERS = Math.max(1, Number(process.env.SCALE_WORKERS ?? 2));

const targetName = new URL(TARGET_URL).pathname.slice(1);
const loadingName = `${targetName}_loading`;
if (!/^[a-z0-9_]+$/.test(targetName)) throw new Error(`Unsafe database name ${targetName}`);
const urlOf = (database: string) => {
  const url = new URL(TARGET_URL);
  url.pathname = `/${database}`;
  return url.toString();
};
const LOADING_URL = urlOf(loadingName);

// ───────────────────────── timing ─────────────────────────

const phases: { name: string; seconds: number }[] = [];
const started = performance.now();
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  process.stdout.write(`${name}…`);
  const result = await fn();
  const seconds = (performance.now() - t0) / 1000;
  phases.push({ name, seconds });
  console.log(` ${seconds.toFixed(1)} s`);
  return result;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ───────────────────────── reference data ─────────────────────────

type GemeenteRow = { id: string; cbsCode: string; name: string; commonName: string | null; regionId: string | null };
type RegionRow = { id: string; code: string; name: string };

/** The gemeenten and jeugdregio's of prisma/data, as the demo and the tests have them: every gemeente in its region. */
async function loadReferenceData(): Promise<{ gemeenten: GemeenteRow[]; regions: RegionRow[] }> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: LOADING_URL }) });
  try {
    await importReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const client = new pg.Client({ connectionString: LOADING_URL });
  await client.connect();
  try {
    const gemeenten = (await client.query<GemeenteRow>(`SELECT id, "cbsCode", name, "commonName", "regionId" FROM "Gemeente" ORDER BY "cbsCode"`)).rows;
    const regions = (await client.query<RegionRow>(`SELECT id, code, name FROM "Region" ORDER BY code`)).rows;
    return { gemeenten, regions };
  } finally {
    await client.end();
  }
}

// ───────────────────────── people ─────────────────────────

function personName(r: Random): string {
  return `${r.pick(words.adultFirstNames)} ${r.pick(words.surnames)}`;
}

async function main(): Promise<void> {
  process.env.AUTH_SECRET ??= FALLBACK_AUTH_SECRET;
  process.env.AUDIT_MAC_KEY ??= FALLBACK_AUDIT_MAC_KEY;
  const seed = `${SEED}:${new Date(NOW).toISOString().slice(0, 10)}`;
  const r = new Random(seed);
  console.log(`Scale data set: ${CASES.toLocaleString("en")} cases into ${targetName} (loading as ${loadingName}, ${WORKERS} workers)`);

  await phase("database", () =>
    admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${loadingName}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${loadingName}"`);
    }),
  );
  await phase("migrations", () => migrateDeploy({ kind: "postgres", url: LOADING_URL }));
  const { gemeenten, regions } = await phase("reference data", () => loadReferenceData());

  // ── How the cases spread: by size, the largest cities first (Zipf-like).
  const byCode = new Map(gemeenten.map((g) => [g.cbsCode, g]));
  const rest = gemeenten.filter((g) => !(words.largestGemeenten as readonly string[]).includes(g.cbsCode)).map((g) => g.cbsCode);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const ranking = [...words.largestGemeenten, ...rest];
  const upTo: number[] = [];
  let totalWeight = 0;
  ranking.forEach((_, i) => {
    totalWeight += Math.pow(i + 2.5, -0.82) * (i < words.largestGemeenten.length ? 1 : 0.7 + 0.6 * r.next());
    upTo.push(totalWeight);
  });
  const drawGemeente = (): string => ranking[r.cumulative(upTo)]!;

  // ── Filing moments: more each year, as more gemeenten take the portal into use.
  // Spread up to the start of today, so that the same seed gives the same cases all day; lives are played up to now.
  const today = Math.floor(NOW / DAY) * DAY;
  const growth = 1.5;
  const span = today - START;
  const fileMoment = () => {
    const u = r.next();
    const x = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
    return Math.floor(START + x * span);
  };
  type Draft = { at: number; code: string; special: CaseSeed["special"] };
  const drafts: Draft[] = [
    { at: Date.UTC(2022, 1, 14, 19, 42, 11), code: BENCH_GEMEENTE, special: "long" },
    { at: Date.UTC(2024, 9, 1, 9, 12, 40), code: BENCH_GEMEENTE, special: "watched" },
    { at: today - 12 * DAY + 19 * 3_600_000, code: BENCH_GEMEENTE, special: "ouder" },
    { at: today - 260 * DAY + 10 * 3_600_000, code: BENCH_GEMEENTE, special: "ouder" },
  ];
  while (drafts.length < CASES) drafts.push({ at: fileMoment(), code: drawGemeente(), special: null });
  drafts.sort((a, b) => a.at - b.at);
  const casesPer = new Map<string, number>();
  for (const d of drafts) casesPer.set(d.code, (casesPer.get(d.code) ?? 0) + 1);

  // ── Case numbers per year of filing, in order of filing; the bench's own parent files the long case and two more.
  const counters = new Map<number, number>();
  let familyNo = 0;
  const cases: CaseSeed[] = drafts.map((d) => {
    const year = new Date(d.at).getUTCFullYear();
    const serial = (counters.get(year) ?? 0) + 1;
    counters.set(year, serial);
    const own = d.special === "long" || d.special === "ouder";
    return { at: d.at, code: d.code, number: formatCaseNumber(year, serial), special: d.special, familyNo: own ? 0 : ++familyNo };
  });

  // ── Staff: aanspreekpunten per gemeente (more in big cities), decision holders, an admin; experts per region.
  const passwordHash = await phase("password hash", () => hashPassword(DEMO_PASSWORD));
  const staff: { person: Person; gemeenteId: string | null; regionId: string | null }[] = [];
  const newPerson = (email: string, name: string, organisation: string | null, role: Role, family = false): Person => ({
    id: r.cuid(),
    email,
    name,
    organisation,
    role,
    ip: words.documentationIp(staff.length),
    userAgent: r.pick(family ? words.familyUserAgents : words.userAgents),
  });
  const regionById = new Map(regions.map((g) => [g.id, g]));
  const regionCases = new Map<string, number>();
  for (const g of gemeenten) if (g.regionId) regionCases.set(g.regionId, (regionCases.get(g.regionId) ?? 0) + (casesPer.get(g.cbsCode) ?? 0));

  // A few gemeenten chose their own retention period or deadline norms (audited in their admin's chain).
  const outsideCaseEvents: AuditRecord[] = [];
  const staffSince = START - 20 * DAY;
  const places = new Map<string, Place>();
  const named: Partial<Record<Role, { email: string; name: string }>> = {
    AANSPREEKPUNT: { email: `aanspreekpunt@${DOMAIN}`, name: "Anouk Verhoeven" },
    DECISION_HOLDER: { email: `beslisser@${DOMAIN}`, name: "Martijn de Graaf" },
    GEMEENTE_ADMIN: { email: `beheer.gemeente@${DOMAIN}`, name: "Femke Visser" },
  };
  for (const code of ranking) {
    const g = byCode.get(code)!;
    const organisation = `Gemeente ${g.commonName ?? g.name}`;
    const n = casesPer.get(code) ?? 0;
    const mk = (role: Role, prefix: string, i: number): Person => {
      const own = code === BENCH_GEMEENTE && i === 0 ? named[role] : undefined;
      const email = own?.email ?? `${prefix}.${code.toLowerCase()}.${String(i + 1).padStart(2, "0")}@${DOMAIN}`;
      const person = newPerson(email, own?.name ?? personName(r), organisation, role);
      staff.push({ person, gemeenteId: g.id, regionId: null });
      return person;
    };
    const aanspreekpunten = Array.from({ length: Math.min(14, 1 + Math.round(Math.sqrt(n / 40))) }, (_, i) => mk("AANSPREEKPUNT", "aanspreekpunt", i));
    const decisionHolders = Array.from({ length: n > 1500 ? 2 : 1 }, (_, i) => mk("DECISION_HOLDER", "beslisser", i));
    const admins = [mk("GEMEENTE_ADMIN", "beheer", 0)];
    const policy = (action: AuditRecord["action"], changes: Changes) =>
      outsideCaseEvents.push({ at: staffSince + 12 * DAY + r.int(8 * DAY), action, outcome: "SUCCESS", actor: admins[0]!, role: "GEMEENTE_ADMIN", gemeenteId: g.id, changes, requestId: r.uuid() });
    let retentionMonths = RETENTION_DEFAULT_MONTHS;
    const norms: Norms = {};
    if (code !== BENCH_GEMEENTE && r.chance(0.05)) {
      retentionMonths = r.pick([12, 36, 60]);
      policy("gemeente.updatePolicy", { retentionMonths: { old: null, new: retentionMonths } });
    }
    if (code !== BENCH_GEMEENTE && r.chance(0.04)) {
      const changes: Changes = {};
      for (const status of clockStatuses) {
        if (!r.chance(0.5)) continue;
        const own = status === "SUBMITTED" ? r.pick([1, 3]) : status === "TRIAGE" ? r.pick([3, 8]) : r.pick([15, 25, 40]);
        norms[status] = own;
        changes[`norm_${status}`] = { old: null, new: own };
      }
      if (Object.keys(changes).length > 0) policy("gemeente.updateNorms", changes);
    }
    const region = g.regionId ? regionById.get(g.regionId)! : null;
    places.set(code, {
      id: g.id,
      cbsCode: code,
      regionId: g.regionId,
      regionCode: region?.code ?? null,
      norms,
      retentionMonths,
      aanspreekpunten,
      apWeights: aanspreekpunten.map((p) => (p.email === named.AANSPREEKPUNT!.email ? 3 : 1)),
      decisionHolders,
      admins,
    });
  }
  const experts = new Map<string, Person[]>();
  for (const region of regions) {
    const team: Person[] = [];
    for (let i = 0; i < Math.min(10, 3 + Math.round((regionCases.get(region.id) ?? 0) / 2500)); i++) {
      const own = region.code === AMSTERDAM_AMSTELLAND && i === 0;
      const email = own ? `expert@${DOMAIN}` : `expert.${region.code.toLowerCase()}.${String(i + 1).padStart(2, "0")}@${DOMAIN}`;
      const person = newPerson(email, own ? "Ayşe Kaya" : personName(r), `Expertteam ${region.name}`, "EXPERT");
      staff.push({ person, gemeenteId: null, regionId: region.id });
      team.push(person);
    }
    experts.set(region.id, team);
  }
  const ombudsmen = [0, 1, 2].map((i) => {
    const person = newPerson(i === 0 ? `ombudsman@${DOMAIN}` : `ombudsman.${String(i + 1).padStart(2, "0")}@${DOMAIN}`, i === 0 ? "Johan de Wit" : personName(r), "Kinderombudsman", "OMBUDSMAN");
    staff.push({ person, gemeenteId: null, regionId: null });
    return person;
  });
  staff.push({ person: newPerson(`beheer@${DOMAIN}`, "Rob Smit", "Doorbraak", "PLATFORM_ADMIN"), gemeenteId: null, regionId: null });
  const ouder = newPerson(`ouder@${DOMAIN}`, "Sanne de Vries", null, "FAMILY", true);

  // ── Load into bare tables: their indexes and keys are set aside and built again at the end.
  const owner = new pg.Client({ connectionString: LOADING_URL });
  await owner.connect();
  const schemaBefore = await schemaFingerprint(owner);
  const setAside = await phase("set indexes aside", () => setAsideIndexes(owner, loadOrder));
  await owner.end();

  const loader = new Loader(["User", "Membership", "TwoFactorCredential", "AuditEvent", "AuditChainHead"]);
  await loader.open(LOADING_URL);
  await phase("staff", async () => {
    for (const s of staff) {
      const created = staffSince + r.int(10 * DAY);
      writeUser(loader, r, s.person, passwordHash, created, s);
      // As prisma/seed/demo.ts enrols demo staff: the demo's authenticator key, sealed with AUTH_SECRET.
      loader.row("TwoFactorCredential", [s.person.id, sealSecret(DEMO_TOTP_SECRET), new Date(created + DAY), new Date(created + DAY)]);
    }
    const firstOwnCase = cases.find((c) => c.familyNo === 0)!;
    const registeredAt = firstOwnCase.at - 40 * MINUTE;
    writeUser(loader, r, ouder, passwordHash, registeredAt, { gemeenteId: null, regionId: null });
    outsideCaseEvents.push(registration(r, ouder, registeredAt));
    await loader.drain();
    // A gemeente or expert team works with the portal once activated; those with staff here are, from the seed on.
    const client = new pg.Client({ connectionString: LOADING_URL });
    await client.connect();
    try {
      const seededAt = new Date(NOW);
      const staffed = (key: "gemeenteId" | "regionId") => [...new Set(staff.flatMap((s) => (s[key] ? [s[key]] : [])))];
      await client.query(`UPDATE "Gemeente" SET "activatedAt" = $1 WHERE id = ANY($2::text[])`, [seededAt, staffed("gemeenteId")]);
      await client.query(`UPDATE "ExpertTeam" SET "activatedAt" = $1 WHERE "regionId" = ANY($2::text[])`, [seededAt, staffed("regionId")]);
    } finally {
      await client.end();
    }
  });

  const spec: Omit<WorkerSpec, "shard"> = {
    url: LOADING_URL,
    now: NOW,
    seed,
    shards: WORKERS,
    passwordHash,
    readRate: READ_RATE,
    places: [...places.values()],
    experts: [...experts],
    ombudsmen,
    ouder,
    transfer: { codes: ranking, upTo },
    cases,
  };
  const results = await phase(`cases (${WORKERS} workers)`, () =>
    Promise.all(Array.from({ length: WORKERS }, (_, shard) => runWorker({ ...spec, shard }))),
  );

  const counts: Record<string, number> = {};
  /** The longest chains outside cases, verified with the samples. */
  const outsideCases: string[] = [];
  await phase("chains outside cases", async () => {
    for (const result of results) outsideCaseEvents.push(...result.registrations);
    outsideCaseEvents.sort((a, b) => a.at - b.at);
    // Outside cases, each person's events form a chain of their own (decision 018).
    const chains = new Map<string, AuditRecord[]>();
    for (const e of outsideCaseEvents) {
      const chain = chainFor(null, e.actor?.id ?? null);
      const events = chains.get(chain);
      if (events) events.push(e);
      else chains.set(chain, [e]);
    }
    for (const [chain, events] of chains) writeChain(loader, r, chain, events, null);
    outsideCases.push(...[...chains].sort((a, b) => b[1].length - a[1].length).slice(0, 3).map(([chain]) => chain));
    for (const [table, n] of Object.entries(await loader.close())) counts[table] = n;
    for (const result of results) for (const [table, n] of Object.entries(result.counts)) counts[table] = (counts[table] ?? 0) + n;
    const client = new pg.Client({ connectionString: LOADING_URL });
    await client.connect();
    try {
      for (const [year, last] of counters) await client.query(`INSERT INTO "CaseNumberCounter" (year, last) VALUES ($1, $2)`, [year, last]);
    } finally {
      await client.end();
    }
  });

  // The trigger that keeps "referredAt" does not fire while loading (triggers are off): set it
  // as the migration that made the column did.
  await phase("referral dates", async () => {
    const client = new pg.Client({ connectionString: LOADING_URL });
    await client.connect();
    try {
      await client.query(`
        UPDATE "Case" c SET "referredAt" = r.first
        FROM (SELECT "caseId", min("createdAt") AS first FROM "Referral" GROUP BY "caseId") r
        WHERE r."caseId" = c.id`);
    } finally {
      await client.end();
    }
  });

  await phase("indexes, keys and foreign keys", async () => {
    await restoreIndexes(LOADING_URL, setAside, (table) => counts[table] ?? 0);
    const client = new pg.Client({ connectionString: LOADING_URL });
    await client.connect();
    try {
      if ((await schemaFingerprint(client)) !== schemaBefore) throw new Error("The indexes and constraints differ from what the migrations made.");
    } finally {
      await client.end();
    }
  });

  // Each case's statistic, as the services keep it, by the same code as `npm run statistics:rebuild`
  // (the purged cases' statistics were loaded with them).
  await phase("case statistics", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: LOADING_URL }) });
    try {
      const rebuilt = await rebuildCaseStatistics({ db: prisma, batchSize: 1000 });
      counts.CaseStatistic = (counts.CaseStatistic ?? 0) + rebuilt.cases;
    } finally {
      await prisma.$disconnect();
    }
  });

  // The figures the statistics job publishes from those facts (decision 029), for the monitoring pages.
  await phase("published figures", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: LOADING_URL }) });
    try {
      const published = await publishFigures({ db: prisma, force: true });
      counts.FigureSet = published.years.reduce((n, y) => n + y.sets, 0);
      counts.StructuralSignal = (await detectSignals({ db: prisma })).added;
    } finally {
      await prisma.$disconnect();
    }
  });

  await phase("vacuum analyze", async () => {
    const client = new pg.Client({ connectionString: LOADING_URL });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      await client.query("VACUUM ANALYZE");
    } finally {
      await client.end();
    }
  });

  const samples = results.flatMap((x) => x.samples);
  const checks = await phase("checks", () => runChecks(samples, outsideCases, counts));

  await phase("swap", () =>
    admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
      await c.query(`ALTER DATABASE "${loadingName}" RENAME TO "${targetName}"`);
    }),
  );

  // ── Summary
  const total = (performance.now() - started) / 1000;
  const statuses = new Map<string, number>();
  const perGemeente = new Map<string, { total: number; open: number }>();
  for (const result of results) {
    for (const [status, n] of Object.entries(result.statuses)) statuses.set(status, (statuses.get(status) ?? 0) + n);
    for (const [code, n] of Object.entries(result.gemeenten)) {
      const sum = perGemeente.get(code) ?? { total: 0, open: 0 };
      perGemeente.set(code, { total: sum.total + n.total, open: sum.open + n.open });
    }
  }
  const fmt = (n: number) => n.toLocaleString("en");
  console.log(`\nDatabase ${targetName} is ready.`);
  console.log(`\nRows per table:`);
  for (const table of loadOrder) console.log(`  ${table.padEnd(22)} ${fmt(counts[table] ?? 0).padStart(12)}`);
  console.log(`  ${"CaseNumberCounter".padEnd(22)} ${fmt(counters.size).padStart(12)}`);
  console.log(`  ${"Gemeente".padEnd(22)} ${fmt(gemeenten.length).padStart(12)}`);
  console.log(`  ${"Region".padEnd(22)} ${fmt(regions.length).padStart(12)}`);
  console.log(`\nCases per status:`);
  for (const [status, n] of [...statuses].sort((a, b) => b[1] - a[1])) console.log(`  ${status.padEnd(22)} ${fmt(n).padStart(12)}`);
  console.log(`  ${"of which purged".padEnd(22)} ${fmt(results.reduce((n, x) => n + x.purged, 0)).padStart(12)}`);
  console.log(`\nLargest gemeenten:`);
  for (const [code, n] of [...perGemeente].sort((a, b) => b[1].total - a[1].total).slice(0, 10)) {
    const g = byCode.get(code)!;
    console.log(`  ${code} ${(g.commonName ?? g.name).padEnd(18)} ${fmt(n.total).padStart(7)} cases (${((100 * n.total) / CASES).toFixed(1)}%), ${fmt(n.open)} open`);
  }
  const smallest = [...perGemeente].sort((a, b) => a[1].total - b[1].total)[0]!;
  console.log(`  smallest: ${smallest[0]} ${byCode.get(smallest[0])!.name} with ${smallest[1].total} cases`);
  console.log(`\nCases for the benchmark (Amsterdam):`);
  for (const x of samples.filter((x) => !x.label.startsWith("sample")).sort((a, b) => (a.number < b.number ? -1 : 1))) console.log(`  ${x.number}  ${x.label}`);
  const biggest = results.map((x) => x.biggest).sort((a, b) => b.events - a.events)[0]!;
  console.log(`  longest trail: ${biggest.number}, ${fmt(biggest.events)} audit events, ${fmt(biggest.timeline)} timeline entries, ${biggest.interventions} interventions`);
  console.log(`\nChecks: ${checks}`);
  console.log(`\nAccounts, password ${DEMO_PASSWORD}; staff sign in with the demo's authenticator key ${DEMO_TOTP_SECRET}:`);
  console.log(`  ${["aanspreekpunt", "beslisser", "expert", "ombudsman", "ouder", "beheer", "beheer.gemeente"].map((who) => `${who}@${DOMAIN}`).join(", ")}`);
  if (process.env.AUTH_SECRET === FALLBACK_AUTH_SECRET) console.log(`  Start the portal with AUTH_SECRET=${FALLBACK_AUTH_SECRET} (it sealed the authenticator keys).`);
  if (process.env.AUDIT_MAC_KEY === FALLBACK_AUDIT_MAC_KEY) console.log(`  Start the portal with AUDIT_MAC_KEY=${FALLBACK_AUDIT_MAC_KEY} (it marked the audit events).`);
  console.log(`\nTime per phase:`);
  for (const p of phases) console.log(`  ${p.name.padEnd(32)} ${p.seconds.toFixed(1).padStart(7)} s`);
  const auditEvents = counts.AuditEvent ?? 0;
  const rss = Math.max(Math.round(process.resourceUsage().maxRSS / 1024), ...results.map((x) => x.maxRssMb));
  console.log(`  ${"total".padEnd(32)} ${total.toFixed(1).padStart(7)} s  (${fmt(auditEvents)} audit events; largest process ${rss} MB)`);
}

/** Starts one worker process (with this process's tsx loader and conditions) and waits for its result. */
function runWorker(spec: WorkerSpec): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), "scale", "worker.ts"), [], {
      serialization: "advanced",
      // A larger young generation: the workers make many short-lived strings and objects.
      execArgv: [...process.execArgv, "--max-semi-space-size=64"],
    });
    let result: WorkerResult | null = null;
    child.on("message", (message) => {
      result = message as WorkerResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && result ? resolve(result) : reject(new Error(`Worker ${spec.shard} exited with ${code}`))));
    child.send(spec);
  });
}

// ───────────────────────── checks ─────────────────────────

async function runChecks(samples: { number: string; id: string; label: string }[], outsideCases: string[], counts: Record<string, number>): Promise<string> {
  const client = new pg.Client({ connectionString: LOADING_URL });
  await client.connect();
  const problems: string[] = [];
  try {
    // Every chain's head is its last event.
    const heads = await client.query<{ n: string }>(`
      SELECT count(*) AS n FROM "AuditChainHead" h
      WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.chain = h.chain AND e.seq = h.seq AND e.hash = h.hash)
         OR EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.chain = h.chain AND e.seq > h.seq)`);
    if (heads.rows[0]!.n !== "0") problems.push(`${heads.rows[0]!.n} chain heads do not match their last event`);
    // The loaded chains, and the system's chain that the statistics job's signals start.
    const chains = await client.query<{ n: string }>(`
      SELECT count(*) AS n FROM (SELECT DISTINCT chain FROM "AuditEvent") c
      WHERE NOT EXISTS (SELECT 1 FROM "AuditChainHead" h WHERE h.chain = c.chain)`);
    if (chains.rows[0]!.n !== "0") problems.push(`${chains.rows[0]!.n} chains without a head`);
    // The app's role reads what was loaded (grants from the migrations' default privileges), except
    // the tables a migration keeps from it on purpose (the signed audit checkpoints, decision 024).
    const grants = await client.query<{ t: string }>(`
      SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('_prisma_migrations', 'AuditCheckpoint')
        AND NOT has_table_privilege('doorbraak_app', c.oid, 'SELECT')`);
    if (grants.rows.length > 0) problems.push(`doorbraak_app cannot read ${grants.rows.map((g) => g.t).join(", ")}`);
  } finally {
    await client.end();
  }
  // The audit chains of the special cases, a sample of others and the longest chains outside cases, recomputed by the project's verifier.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: LOADING_URL }) });
  let events = 0;
  try {
    for (const chain of [...samples.map((s) => chainFor(s.id)), ...outsideCases]) {
      const report = await verifyAuditChains({ chain, db: prisma });
      events += report.events;
      for (const b of report.broken) problems.push(`chain ${b.chain} (${b.caseNumber}) broken at ${b.seq}: ${b.kind}`);
    }
  } finally {
    await prisma.$disconnect();
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`\n  ${p}`);
    throw new Error(`The loaded data failed ${problems.length} check(s); ${loadingName} is left for inspection and ${targetName} is unchanged.`);
  }
  return `foreign keys (added after loading), chain heads and grants hold; ${samples.length + 1} audit chains (${events.toLocaleString("en")} events) recomputed and whole`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
