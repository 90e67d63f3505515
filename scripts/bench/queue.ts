/**
 * `npm run bench`: how fast the aanspreekpunt's queue answers at scale.
 *
 * Creates its own database on the local PostgreSQL, migrates it, loads the
 * gemeenten, inserts 20,000 cases for Den Haag and 20,000 for other
 * gemeenten in bulk, then times every tab, filters, searches, paging to page
 * 20 and the tab counts through the real services (p50/p95 over many runs).
 * Prints a table and the peak RSS, drops the database, and exits non-zero
 * when a target is missed. Targets and results: docs/benchmarks.md.
 *
 * Options (environment): BENCH_CASES (per side, default 20000), BENCH_RUNS
 * (default 40), TEST_DATABASE_ADMIN_URL (default postgres@127.0.0.1:5432).
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { migrateDeploy } from "../db/engine";
import { run } from "../run";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "../../tests/support/postgres";

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
/** p95 targets in milliseconds, measured through Prisma on the same machine as PostgreSQL */
const TARGET = { page: 100, counts: 100 } as const;

type Result = { name: string; kind: keyof typeof TARGET; rows: number; p50: number; p95: number; max: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(name: string, kind: keyof typeof TARGET, fn: () => Promise<number>): Promise<Result> {
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) rows = await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    rows = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, kind, rows, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)! };
}

/** The cases, written with one INSERT … SELECT generate_series per gemeente group: seconds, not minutes. */
async function insertCases(
  sql: (query: string, ...values: unknown[]) => Promise<unknown>,
  opts: { gemeenteIds: string[]; regionIds: (string | null)[]; assignees: string[]; count: number; offset: number },
) {
  await sql(
    `
    WITH g AS (
      SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(gemeente_id, region_id, n)
    ), s AS (
      SELECT i,
             -- status mix of a gemeente with some years of history: a third closed
             (ARRAY['SUBMITTED','TRIAGE','TRIAGE','INFO_REQUESTED','IN_PROGRESS','IN_PROGRESS','WITH_EXPERT_TEAM',
                    'DECISION_PROPOSED','DECIDED','MONITORING','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + (hashint % 15)] AS status,
             hashint
      FROM (SELECT i, (hashtext(i::text)::bigint & 2147483647)::int AS hashint FROM generate_series(1, $3::int) AS i) x
    )
    INSERT INTO "Case" (id, number, "gemeenteId", "regionId", status, urgency, domains, "childName", "childBirthDate",
                        "residenceRule", "consentGivenBy", "stuckDescription", "triedDescription", "needDescription",
                        "schoolSituation", "deadlineAt", "assigneeId", "escalationLevel", "createdAt", "updatedAt", "closedAt")
    SELECT 'bench' || md5((s.i + $4::int)::text),
           'DB-2026-' || lpad((s.i + $4::int)::text, 6, '0'),
           g.gemeente_id, g.region_id,
           s.status::"CaseStatus",
           (ARRAY['NORMAL','NORMAL','NORMAL','HIGH','HIGH','CRISIS'])[1 + (s.hashint / 7) % 6]::"Urgency",
           string_to_array((ARRAY['JEUGDHULP', 'ONDERWIJS', 'JEUGDHULP,ONDERWIJS', 'WMO', 'WLZ', 'ZVW_GGZ',
                                  'JEUGDHULP,ZVW_GGZ'])[1 + (s.hashint / 11) % 7], ',')::"Domain"[],
           (ARRAY['Noah','Emma','Milan','Julia','Sem','Tess','Lucas','Zoë','Daan','Sara','Mohamed','Fenna','Liam','Yara','Bram'])[1 + (s.hashint / 13) % 15]
             || ' ' ||
           (ARRAY['de Vries','Jansen','Bakker','Visser','Smit','Meijer','El Idrissi','Mulder','de Boer','Yılmaz','Bos','Vos','Peters','Hendriks','van Dijk','Kaya'])[1 + (s.hashint / 17) % 16],
           DATE '2010-01-01' + (s.hashint % 4000),
           'OWN_ADDRESS', 'PARENT', 'Bench', 'Bench', 'Bench',
           (ARRAY['ATTENDING','PARTLY','NONE','NOT_APPLICABLE'])[1 + (s.hashint / 19) % 4]::"SchoolSituation",
           -- deadlines fall at the end of a day, so many cases share one (ties for the keyset)
           CASE WHEN s.status IN ('INFO_REQUESTED','DECIDED','MONITORING','CLOSED') THEN NULL
                ELSE date_trunc('day', now() AT TIME ZONE 'UTC') + interval '22 hours 59 minutes 59.999 seconds' + ((s.hashint / 23) % 60 - 15) * interval '1 day' END,
           CASE WHEN s.status = 'SUBMITTED' OR (s.hashint / 29) % 7 = 0 THEN NULL
                ELSE ($5::text[])[1 + (s.hashint / 31) % cardinality($5::text[])] END,
           CASE WHEN (s.hashint / 37) % 20 = 0 THEN 1 ELSE 0 END,
           (now() AT TIME ZONE 'UTC') - ((s.hashint / 41) % 1000) * interval '1 day' - (s.hashint % 86400) * interval '1 second',
           now() AT TIME ZONE 'UTC',
           CASE WHEN s.status = 'CLOSED' THEN now() AT TIME ZONE 'UTC' ELSE NULL END
    FROM s JOIN g ON g.n = 1 + (s.i % cardinality($1::text[]))
    `,
    opts.gemeenteIds,
    opts.regionIds,
    opts.count,
    opts.offset,
    opts.assignees,
  );
}

async function bench(): Promise<number> {
  const name = uniqueDatabaseName("doorbraak_bench");
  await createDatabase(name);
  try {
    const url = databaseUrl(name);
    await migrateDeploy({ kind: "postgres", url });
    process.env.DATABASE_URL = url;
    const { prisma } = await import("../../lib/db/client");
    try {
      return await measure(prisma);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await dropDatabase(name);
  }
}

type Client = (typeof import("../../lib/db/client"))["prisma"];

async function measure(prisma: Client): Promise<number> {
  const { importReferenceData } = await import("../../prisma/seed/reference");
  const { countGemeenteQueue, listGemeenteQueue, listRegionQueue } = await import("../../lib/server/cases/list-queues");
  const { defaultQueueFilter } = await import("../../lib/domain/queue-filters");
  type Filter = import("../../lib/domain/queue-filters").QueueFilter;
  type Actor = import("../../lib/auth/actor").Actor;

  let start = performance.now();
  await importReferenceData(prisma);
  const denHaag = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: "GM0518" } });
  const others = await prisma.gemeente.findMany({ where: { cbsCode: { not: "GM0518" } }, select: { id: true, regionId: true } });

  const staff = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      prisma.user.create({
        data: {
          email: `bench-${i}@bench.doorbraak.nl`,
          name: `Aanspreekpunt ${i}`,
          passwordHash: "not-used",
          memberships: { create: { role: "AANSPREEKPUNT", gemeenteId: denHaag.id } },
        },
      }),
    ),
  );
  const expertUser = await prisma.user.create({
    data: {
      email: "bench-expert@bench.doorbraak.nl",
      name: "Expert",
      passwordHash: "not-used",
      memberships: { create: { role: "EXPERT", regionId: denHaag.regionId } },
    },
  });
  const sql = (query: string, ...values: unknown[]) => prisma.$executeRawUnsafe(query, ...values);
  await insertCases(sql, { gemeenteIds: [denHaag.id], regionIds: [denHaag.regionId], assignees: staff.map((s) => s.id), count: CASES, offset: 0 });
  await insertCases(sql, {
    gemeenteIds: others.map((g) => g.id),
    regionIds: others.map((g) => g.regionId),
    assignees: ["someone-else"],
    count: CASES,
    offset: CASES,
  });
  // Cases with the expert team have a referral, as in real life.
  await sql(`
    INSERT INTO "Referral" (id, "caseId", "gemeenteId", "regionId", question, "referredById", "createdAt")
    SELECT 'ref' || c.id, c.id, c."gemeenteId", c."regionId", 'Kan het expertteam helpen?', 'bench', c."createdAt"
    FROM "Case" c WHERE c.status IN ('WITH_EXPERT_TEAM','DECISION_PROPOSED','DECIDED','MONITORING') AND c."regionId" IS NOT NULL`);
  await sql(`VACUUM ANALYZE "Case"`);
  await sql(`VACUUM ANALYZE "Referral"`);
  const total = await prisma.case.count();
  const ours = await prisma.case.count({ where: { gemeenteId: denHaag.id } });
  const open = await prisma.case.count({ where: { gemeenteId: denHaag.id, status: { not: "CLOSED" } } });
  console.log(`Loaded ${total} cases (${ours} in Den Haag, ${open} of them open) in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);

  const me: Actor = {
    userId: staff[0]!.id,
    name: staff[0]!.name,
    email: staff[0]!.email,
    organisation: null,
    memberships: [{ role: "AANSPREEKPUNT", gemeenteId: denHaag.id, regionId: null }],
    request: { ip: null, userAgent: "bench", requestId: "bench" },
  };
  const expert: Actor = { ...me, userId: expertUser.id, memberships: [{ role: "EXPERT", gemeenteId: null, regionId: denHaag.regionId }] };
  const f = (change: Partial<Filter>): Filter => ({ ...defaultQueueFilter, ...change });
  const page = (filter: Filter) => async () => (await listGemeenteQueue(me, filter)).rows.length;

  // The cursor of page 20, found by walking there as a person clicking "Volgende" would.
  async function cursorOfPage(n: number, filter: Filter): Promise<string> {
    let cursor: string | null = null;
    for (let i = 1; i < n; i++) {
      const p = await listGemeenteQueue(me, { ...filter, cursor });
      if (!p.nextCursor) throw new Error(`The list ends before page ${n}`);
      cursor = p.nextCursor;
    }
    return cursor!;
  }
  const page20 = await cursorOfPage(20, f({}));
  const page20Newest = await cursorOfPage(20, f({ sort: "newest" }));
  const page20Back = (await listGemeenteQueue(me, f({ cursor: page20 }))).previousCursor;

  const results: Result[] = [];
  for (const tab of ["all", "new", "mine", "unassigned", "waiting", "expert", "overdue"] as const) {
    results.push(await time(`tab ${tab}`, "page", page(f({ tab }))));
  }
  results.push(await time("all, newest first", "page", page(f({ sort: "newest" }))));
  results.push(await time("filters: HIGH+CRISIS, ONDERWIJS, thuiszitter", "page", page(f({ urgency: ["HIGH", "CRISIS"], domain: ["ONDERWIJS"], thuiszitter: true }))));
  results.push(await time("tab overdue, CRISIS only", "page", page(f({ tab: "overdue", urgency: ["CRISIS"] }))));
  results.push(await time("search name 'jans'", "page", page(f({ q: "jans" }))));
  results.push(await time("search rare name 'yara kaya'", "page", page(f({ q: "yara kaya" }))));
  const someOpen = await prisma.case.findFirstOrThrow({
    where: { gemeenteId: denHaag.id, status: "TRIAGE" },
    orderBy: { number: "asc" },
    skip: 500,
    select: { number: true },
  });
  results.push(await time(`search number '${someOpen.number.slice(-6)}'`, "page", page(f({ q: someOpen.number.slice(-6) }))));
  results.push(await time(`search number '${someOpen.number}'`, "page", page(f({ q: someOpen.number }))));
  results.push(await time("search other gemeente's number", "page", page(f({ q: `DB-2026-${String(CASES + 5).padStart(6, "0")}` }))));
  results.push(await time("page 20 (deadline)", "page", page(f({ cursor: page20 }))));
  results.push(await time("page 20 (newest)", "page", page(f({ sort: "newest", cursor: page20Newest }))));
  results.push(await time("page 19 via Vorige", "page", page(f({ cursor: page20Back }))));
  results.push(await time("expert team queue", "page", async () => (await listRegionQueue(expert)).rows.length));
  results.push(await time("counts, no filter", "counts", async () => (await countGemeenteQueue(me, f({}))).all));
  results.push(await time("counts, filters", "counts", async () => (await countGemeenteQueue(me, f({ urgency: ["HIGH"], thuiszitter: true }))).all));
  results.push(await time("counts, search 'jans'", "counts", async () => (await countGemeenteQueue(me, f({ q: "jans" }))).all));
  results.push(
    await time("page + counts together (the page)", "page", async () => {
      const [p] = await Promise.all([listGemeenteQueue(me, f({})), countGemeenteQueue(me, f({}))]);
      return p.rows.length;
    }),
  );

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${"scenario".padEnd(48)} ${pad("rows", 6)} ${pad("p50 ms", 8)} ${pad("p95 ms", 8)} ${pad("max ms", 8)} ${pad("target", 7)}  ok`);
  let failed = 0;
  for (const r of results) {
    const ok = r.p95 < TARGET[r.kind];
    if (!ok) failed++;
    console.log(
      `${r.name.padEnd(48)} ${pad(r.rows, 6)} ${pad(r.p50.toFixed(1), 8)} ${pad(r.p95.toFixed(1), 8)} ${pad(r.max.toFixed(1), 8)} ${pad(`<${TARGET[r.kind]}`, 7)}  ${ok ? "yes" : "NO"}`,
    );
  }
  // maxRSS is in kilobytes on Linux.
  console.log(`\n${RUNS} runs per scenario after ${WARMUP} warm-up runs; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (failed > 0) console.error(`${failed} scenario(s) missed the target`);
  return failed;
}

async function main(): Promise<void> {
  // Services import "server-only", which resolves only under the react-server condition: run there.
  if (!process.env.DOORBRAAK_BENCH_CHILD) {
    await run("npx", ["tsx", "--conditions=react-server", fileURLToPath(import.meta.url)], { DOORBRAAK_BENCH_CHILD: "1" });
    return;
  }
  const failed = await bench();
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
