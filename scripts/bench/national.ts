/**
 * `npm run bench`: the production build (`next start`) on national-scale data,
 * under load over HTTP, page by page and action by action.
 *
 * Needs the database of `npm run seed:scale` (doorbraak_scale on the local
 * PostgreSQL). Builds the app (unless BENCH_SKIP_BUILD=1), starts it as the
 * portal's role doorbraak_app, and runs every scenario with autocannon at 10
 * connections: a short warm-up that is not recorded, then a measured run.
 * Every scenario is first checked once by hand (the page shows what it
 * should, the action really filed or claimed the case), so that a redirect
 * to sign-in or an error page is never measured as a fast success.
 * Reports median and p95 latency and throughput, also as ratios to a static
 * page of the same app measured in the same run; writes everything to
 * bench-results/national-<time>.json; exits 1 when a target is missed and
 * 2 when the database is missing. docs/benchmarks.md explains how to read it.
 *
 * The run changes the data as people would: it files and claims a few
 * hundred cases, and every page view and search is written to the audit trail.
 *
 * Options (environment): BENCH_DATABASE (doorbraak_scale), BENCH_ACCOUNT_DOMAIN
 * (schaal.doorbraak.nl), BENCH_CONNECTIONS (10), BENCH_SECONDS (10),
 * BENCH_WARMUP_SECONDS (2), BENCH_DEEP_PAGES (20), BENCH_VERIFY_RUNS (5),
 * BENCH_SKIP_BUILD=1, BENCH_ONLY (measure only the scenarios whose name contains
 * this text, or one of several separated by commas, for example "queue" or
 * "sign-in,admin"; the floor is always measured),
 * BENCH_SERVER_NODE_ARGS (extra node options for next start, for example
 * "--cpu-prof --cpu-prof-dir=bench-results/profiles"),
 * TEST_DATABASE_ADMIN_URL (postgres@127.0.0.1:5432).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { isRole } from "../../lib/domain/roles";
import { needsSecondFactor } from "../../lib/domain/sign-in";
import { cookiesMustBeSecure } from "../../lib/http/secure-cookies";
import { adminUrl, appDatabaseUrl, databaseUrl } from "../../tests/support/postgres";
import { run } from "../run";
import { actionId, caseNumbers, fieldNames, formAfter, formContaining, hasHeading, hiddenFields, multipart, newBoundary, nextLink } from "./html";
import { DatabaseActivity, type ActivitySummary } from "./db-activity";
import { loadRun, MemorySampler, percentile, type Expectation, type LoadRequest, type RunLength, type Sample } from "./load";

/** A page's size as sent, for the notes of the figure pages: rendering them is most of their cost. */
const kilobytes = (html: string) => `${Math.round(Buffer.byteLength(html) / 1024)} kB of HTML`;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const config = {
  database: process.env.BENCH_DATABASE ?? "doorbraak_scale",
  accountDomain: process.env.BENCH_ACCOUNT_DOMAIN ?? "schaal.doorbraak.nl",
  connections: numberFromEnv("BENCH_CONNECTIONS", 10),
  seconds: numberFromEnv("BENCH_SECONDS", 10),
  warmupSeconds: numberFromEnv("BENCH_WARMUP_SECONDS", 2),
  deepPages: numberFromEnv("BENCH_DEEP_PAGES", 20),
  verifyRuns: numberFromEnv("BENCH_VERIFY_RUNS", 5),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  only: process.env.BENCH_ONLY?.trim().toLowerCase() || null,
  serverNodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean),
  /** Several server processes behind one address (`npm run start:processes`, decision 041) */
  processes: numberFromEnv("BENCH_PROCESSES", 1),
};

/** Targets at 10 connections, load tool on the same 2-core machine (docs/benchmarks.md). */
type Target = { p95Ms: number; minFloorRatio?: number };
const targets = {
  page: { p95Ms: 150, minFloorRatio: 0.25 },
  search: { p95Ms: 250 },
  action: { p95Ms: 200 },
} satisfies Record<string, Target>;
const memoryTargetMb = 500;

// ───────────────────────── the data ─────────────────────────

type Account = {
  email: string;
  id: string;
  name: string | null;
  sessionVersion: number;
  staff: boolean;
  gemeente: { id: string; cbsCode: string; name: string; commonName: string | null } | null;
  regionCode: string | null;
};

type Fixtures = {
  aanspreekpunt: Account;
  expert: Account;
  ombudsman: Account;
  family: Account;
  platformAdmin: Account;
  gemeenteAdmin: Account;
  longTimeline: { number: string; entries: number };
  longTrail: { number: string; events: number };
  counts: { cases: number; auditEvents: number; timelineEntries: number; gemeenten: number };
  postgres: string;
};

class SetupError extends Error {}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function loadAccount(db: pg.Client, localPart: string): Promise<Account> {
  const email = `${localPart}@${config.accountDomain}`;
  const { rows } = await db.query<{
    id: string;
    name: string | null;
    sessionVersion: number;
    role: string | null;
    gemeenteId: string | null;
    cbsCode: string | null;
    gemeenteName: string | null;
    commonName: string | null;
    regionCode: string | null;
  }>(
    `SELECT u.id, u.name, u."sessionVersion", m.role::text AS role, g.id AS "gemeenteId", g."cbsCode",
            g.name AS "gemeenteName", g."commonName", r.code AS "regionCode"
     FROM "User" u
     LEFT JOIN "Membership" m ON m."userId" = u.id
     LEFT JOIN "Gemeente" g ON g.id = m."gemeenteId"
     LEFT JOIN "Region" r ON r.id = m."regionId"
     WHERE lower(u.email) = lower($1)`,
    [email],
  );
  const first = rows[0];
  if (!first) throw new SetupError(`No account ${email} in ${config.database} (BENCH_ACCOUNT_DOMAIN sets the domain).`);
  const withGemeente = rows.find((r) => r.gemeenteId);
  return {
    email,
    id: first.id,
    name: first.name,
    sessionVersion: first.sessionVersion,
    staff: needsSecondFactor(rows.flatMap((r) => (r.role && isRole(r.role) ? [r.role] : []))),
    gemeente: withGemeente
      ? { id: withGemeente.gemeenteId!, cbsCode: withGemeente.cbsCode!, name: withGemeente.gemeenteName!, commonName: withGemeente.commonName }
      : null,
    regionCode: rows.find((r) => r.regionCode)?.regionCode ?? null,
  };
}

/** The accounts and the cases the scenarios need, found by querying, never by a fixed number. */
async function loadFixtures(db: pg.Client): Promise<Fixtures> {
  const [aanspreekpunt, expert, ombudsman, family, platformAdmin, gemeenteAdmin] = [
    await loadAccount(db, "aanspreekpunt"),
    await loadAccount(db, "expert"),
    await loadAccount(db, "ombudsman"),
    await loadAccount(db, "ouder"),
    await loadAccount(db, "beheer"),
    await loadAccount(db, "beheer.gemeente"),
  ];
  if (!aanspreekpunt.gemeente) throw new SetupError(`${aanspreekpunt.email} has no gemeente.`);
  const timeline = await db.query<{ number: string; entries: number }>(
    `SELECT c.number, count(*)::int AS entries
     FROM "TimelineEntry" t JOIN "Case" c ON c.id = t."caseId"
     WHERE c."gemeenteId" = $1
     GROUP BY c.number ORDER BY entries DESC, c.number LIMIT 1`,
    [aanspreekpunt.gemeente.id],
  );
  const longTimeline = timeline.rows[0];
  if (!longTimeline) throw new SetupError(`${aanspreekpunt.gemeente.name} has no case with a timeline.`);
  const head = (
    await db.query<{ chain: string; seq: number }>(
      `SELECT chain, seq FROM "AuditChainHead" WHERE chain LIKE 'case:%' ORDER BY seq DESC LIMIT 1`,
    )
  ).rows[0];
  const trailCase = head
    ? (await db.query<{ number: string }>(`SELECT number FROM "Case" WHERE id = $1`, [head.chain.slice("case:".length)])).rows[0]
    : undefined;
  if (!head || !trailCase) throw new SetupError("No case has an audit trail.");
  const counts = (
    await db.query<Fixtures["counts"]>(
      `SELECT (SELECT count(*) FROM "Case")::int AS cases,
              (SELECT count(*) FROM "AuditEvent")::int AS "auditEvents",
              (SELECT count(*) FROM "TimelineEntry")::int AS "timelineEntries",
              (SELECT count(DISTINCT "gemeenteId") FROM "Case")::int AS gemeenten`,
    )
  ).rows[0]!;
  const postgres = (await db.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  return {
    aanspreekpunt,
    expert,
    ombudsman,
    family,
    platformAdmin,
    gemeenteAdmin,
    longTimeline,
    longTrail: { number: trailCase.number, events: head.seq },
    counts,
    postgres,
  };
}

// ───────────────────────── the server ─────────────────────────

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | null = null;
/** How the server ended, when it ended before the benchmark stopped it */
let serverEnded: string | null = null;

/** Ends the server and whatever it started: it leads a process group of its own. */
async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (!stopped) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
    await exited;
  }
}

/**
 * The Node options `npm start` gives the server (its memory limits, in package.json), so
 * that the benchmark measures the server as it runs in production. The server is started
 * with node itself rather than through npm, so that only its own memory is measured.
 */
function startNodeOptions(): string {
  const start = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start ?? "";
  return /NODE_OPTIONS='([^']*)'/.exec(start)?.[1] ?? "";
}

async function startServer(env: Record<string, string>, port: number, logFile: string): Promise<ChildProcess> {
  const log = openSync(logFile, "a");
  // With BENCH_PROCESSES, scripts/processes.ts starts them through `npm start` (which sets the same Node options).
  const command =
    config.processes > 1
      ? [require.resolve("tsx/cli"), path.join(repoRoot, "scripts/processes.ts")]
      : [...config.serverNodeArgs, require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, command, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: startNodeOptions(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      PROCESSES: String(config.processes),
      HOSTNAME: "127.0.0.1",
    },
    detached: true,
    stdio: ["ignore", log, log],
  });
  server = child;
  child.once("exit", (code, signal) => {
    if (server === child) serverEnded = `${signal ?? `exit code ${code}`}; see ${logFile}`;
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000 * config.processes;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${origin}/health`)).status === 200) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer within 60 s; see ${logFile}`);
}

// ───────────────────────── sessions ─────────────────────────

/**
 * Sessions are minted, not signed into: the cookie is the one Auth.js would set, encoded
 * with `encode` from next-auth/jwt and the claims the jwt callback of lib/auth/auth.ts
 * writes (sub, sv = the user's current session version, mfa, sat, sid). Signing in through
 * the forms would also work, but each staff sign-in needs a fresh TOTP code (a code is
 * accepted once), counts towards the lockout, and spends an argon2 hash; the minted cookie
 * depends only on AUTH_SECRET, which this script sets itself. The server still checks
 * every claim against the database on every request (decision 017), and every scenario
 * is checked by hand first: a cookie the app refused would show as a redirect to sign-in.
 */
async function sessionCookie(account: Account, secret: string, origin: string): Promise<string> {
  const name = cookiesMustBeSecure(origin, "production") ? "__Secure-authjs.session-token" : "authjs.session-token";
  const token = {
    sub: account.id,
    name: account.name,
    email: account.email,
    sv: account.sessionVersion,
    // A family member signs in with a password only; staff have passed their second factor.
    mfa: account.staff,
    sat: Math.floor(Date.now() / 1000),
    sid: randomUUID(),
  };
  return `${name}=${await encode({ token, secret, salt: name, maxAge: 8 * 60 * 60 })}`;
}

// ───────────────────────── scenarios ─────────────────────────

type Row = {
  name: string;
  path: string | null;
  as: string | null;
  requests: number;
  errors: number;
  errorKinds: Record<string, number>;
  statusCodes: Record<string, number>;
  seconds: number;
  medianMs: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  reqPerSec: number | null;
  throughputRatio: number | null;
  p95Ratio: number | null;
  target: Target | null;
  passed: boolean | null;
  misses: string[];
  peakRssMb: number | null;
  /** What the portal's database connections did during the measured run */
  database: ActivitySummary | null;
  note: string | null;
  /** Why it was not measured */
  notMeasured: string | null;
};

class CheckFailed extends Error {}
class NotMeasurable extends Error {}

type Prepared = {
  request: LoadRequest;
  expect: Expectation;
  /** A fixed number of requests instead of a duration (each request uses up a case) */
  amounts?: { warmup: number; measured: number };
  note?: string;
};

type Scenario = {
  name: string;
  as: Account | null;
  target: Target | null;
  prepare: () => Promise<Prepared>;
  /** After the measured run: a note from what the run left behind */
  after?: (sample: Sample) => Promise<string | undefined>;
};

function mb(kb: number): number {
  return Math.round(kb / 102.4) / 10;
}

function emptyRow(scenario: Pick<Scenario, "name" | "as" | "target">, notMeasured: string | null, note: string | null = null): Row {
  return {
    name: scenario.name,
    path: null,
    as: scenario.as?.email ?? null,
    requests: 0,
    errors: 0,
    errorKinds: {},
    statusCodes: {},
    seconds: 0,
    medianMs: Number.NaN,
    p90Ms: Number.NaN,
    p95Ms: Number.NaN,
    p99Ms: Number.NaN,
    maxMs: Number.NaN,
    reqPerSec: null,
    throughputRatio: null,
    p95Ratio: null,
    target: scenario.target,
    passed: null,
    misses: [],
    peakRssMb: null,
    database: null,
    note,
    notMeasured,
  };
}

function judge(row: Row): void {
  if (!row.target) return;
  const misses: string[] = [];
  if (row.requests === 0) misses.push("no answer came back during the measured run");
  else if (!(row.p95Ms < row.target.p95Ms)) misses.push(`p95 ${row.p95Ms.toFixed(1)} ms ≥ ${row.target.p95Ms} ms`);
  if (row.target.minFloorRatio !== undefined && !((row.throughputRatio ?? 0) >= row.target.minFloorRatio)) {
    misses.push(`throughput ${((row.throughputRatio ?? 0) * 100).toFixed(0)}% of the static page < ${row.target.minFloorRatio * 100}%`);
  }
  if (row.errors > 0) misses.push(`${row.errors} error(s)`);
  row.misses = misses;
  row.passed = misses.length === 0;
}

type Probes = { memory: MemorySampler; database: DatabaseActivity };

/** Runs one scenario; ratios and the verdict come later, once both floor runs are known. */
async function measure(origin: string, scenario: Scenario, probes: Probes): Promise<Row> {
  const waited = await probes.database.quiet();
  if (waited === null) console.log(`  (the server was still busy with earlier requests after 60 s; measuring ${scenario.name} anyway)`);
  let prepared: Prepared;
  try {
    prepared = await scenario.prepare();
  } catch (error) {
    if (error instanceof NotMeasurable) return emptyRow(scenario, error.message);
    if (error instanceof CheckFailed) {
      const row = emptyRow(scenario, `check failed: ${error.message}`);
      row.passed = false;
      row.misses = [`check failed: ${error.message}`];
      return row;
    }
    throw error;
  }
  const { request, expect, amounts } = prepared;
  const warmup: RunLength = amounts ? { amount: amounts.warmup } : { seconds: config.warmupSeconds };
  const measured: RunLength = amounts ? { amount: amounts.measured } : { seconds: config.seconds };
  await loadRun(origin, request, expect, config.connections, warmup);
  probes.memory.mark();
  probes.database.mark();
  const sample = await loadRun(origin, request, expect, config.connections, measured);
  const peak = probes.memory.mark();
  const database = probes.database.mark();
  const after = [
    scenario.after ? await scenario.after(sample) : undefined,
    sample.latencies.length === 0 ? `no answer came back within the ${"seconds" in measured ? `${measured.seconds} s` : "run"}` : undefined,
  ].filter(Boolean).join("; ");
  const lat = sample.latencies;
  const reqPerSec = lat.length / sample.seconds;
  const row: Row = {
    ...emptyRow(scenario, null, [prepared.note, after].filter(Boolean).join("; ") || null),
    path: request.path,
    requests: lat.length,
    errors: sample.errors,
    errorKinds: sample.errorKinds,
    statusCodes: sample.statusCodes,
    seconds: Math.round(sample.seconds * 100) / 100,
    medianMs: percentile(lat, 50),
    p90Ms: percentile(lat, 90),
    p95Ms: percentile(lat, 95),
    p99Ms: percentile(lat, 99),
    maxMs: lat.at(-1) ?? Number.NaN,
    reqPerSec,
    peakRssMb: mb(peak),
    database,
  };
  return row;
}

type Page = { status: number; location: string | null; html: string; path: string };

function browserHeaders(cookie: string | null): Record<string, string> {
  // No Accept-Encoding: answers are measured uncompressed (a reverse proxy usually compresses).
  return { accept: "text/html,application/xhtml+xml", "user-agent": "doorbraak-bench", ...(cookie ? { cookie } : {}) };
}

async function getPage(origin: string, pathname: string, cookie: string | null): Promise<Page & { seconds: number }> {
  const started = performance.now();
  let response: Response;
  let html: string;
  try {
    response = await fetch(origin + pathname, { headers: browserHeaders(cookie), redirect: "manual" });
    html = await response.text();
  } catch (error) {
    if (serverEnded) throw new Error(`The server stopped during the run (${serverEnded})`);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CheckFailed(`${pathname} gave no answer after ${((performance.now() - started) / 1000).toFixed(1)} s: ${cause}`);
  }
  return { status: response.status, location: response.headers.get("location"), html, path: pathname, seconds: (performance.now() - started) / 1000 };
}

/** Opens a page, following the app's own redirects to a page's short URL, but never to sign-in. */
async function openPage(origin: string, pathname: string, cookie: string | null): Promise<Page> {
  let page = await getPage(origin, pathname, cookie);
  for (let hops = 0; hops < 3 && page.status >= 300 && page.status < 400 && page.location; hops++) {
    const target = new URL(page.location, origin);
    if (target.origin !== origin || target.pathname.startsWith("/inloggen")) break;
    page = await getPage(origin, target.pathname + target.search, cookie);
  }
  if (page.status !== 200) {
    const where = page.location ? ` to ${page.location}` : "";
    throw new CheckFailed(`${pathname} answered ${page.status}${where} after ${page.seconds.toFixed(1)} s`);
  }
  return page;
}

/** Follows the page's "next" link up to `pages` times; answers the page reached and its number. */
async function followNext(origin: string, start: Page, cookie: string, pages: number): Promise<{ page: Page; number: number }> {
  let page = start;
  let number = 1;
  while (number <= pages) {
    const link = nextLink(page.html);
    if (!link) break;
    page = await openPage(origin, link, cookie);
    number++;
  }
  return { page, number };
}

function heading(catalog: string, key: string, values: Record<string, string> = {}): string {
  const messages = JSON.parse(readFileSync(path.join(repoRoot, "lib/i18n/messages/nl", `${catalog}.json`), "utf8")) as Record<string, unknown>;
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof text !== "string") throw new Error(`No message ${key} in ${catalog}.json`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

function expectHeading(page: Page, text: string): void {
  if (!hasHeading(page.html, text)) throw new CheckFailed(`${page.path} does not show the heading "${text}"`);
}

function getRequest(page: Page, cookie: string): LoadRequest {
  return { method: "GET", path: page.path, headers: browserHeaders(cookie) };
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

// ───────────────────────── output ─────────────────────────

function format(value: number | null, digits = 1): string {
  return value === null || Number.isNaN(value) ? "—" : value.toFixed(digits);
}

function targetText(target: Target | null): string {
  if (!target) return "—";
  return `p95<${target.p95Ms}${target.minFloorRatio ? `, ≥${target.minFloorRatio}×` : ""}`;
}

function table(rows: Row[]): string {
  const header = ["scenario", "requests", "errors", "median ms", "p95 ms", "req/s", "req/s ÷ floor", "p95 ÷ floor", "target", "result"];
  const lines = rows.map((r) => [
    r.name,
    String(r.requests),
    String(r.errors),
    format(r.medianMs),
    format(r.p95Ms),
    format(r.reqPerSec),
    format(r.throughputRatio, 2),
    format(r.p95Ratio, 1),
    targetText(r.target),
    r.notMeasured ? (r.passed === false ? "FAIL" : "skipped") : r.passed === null ? "" : r.passed ? "ok" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [render(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(render)].join("\n");
}

// ───────────────────────── the run ─────────────────────────

/** The key the scale seed marks its audit events with when AUDIT_MAC_KEY is not set (prisma/seed/scale.ts). */
const auditMacKey = () => process.env.AUDIT_MAC_KEY ?? "doorbraak-scale-benchmark-only-audit-mac-key";

async function auditVerifyCli(ownerUrl: string, caseNumber: string): Promise<Row> {
  const wall: number[] = [];
  const inProcess: number[] = [];
  let failures = 0;
  for (let i = 0; i < config.verifyRuns; i++) {
    const started = performance.now();
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn("npm", ["run", "--silent", "audit:verify", "--", "--case", caseNumber], {
        cwd: repoRoot,
        // audit:verify runs as the owner (decision 016).
        env: { ...process.env, DATABASE_URL: ownerUrl, AUDIT_MAC_KEY: auditMacKey(), NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      child.on("error", reject);
      child.on("exit", (exitCode) => resolve({ code: exitCode, output }));
    });
    wall.push(performance.now() - started);
    const seconds = /checked in ([\d.]+) s/.exec(output)?.[1];
    if (seconds) inProcess.push(Number(seconds) * 1000);
    if (code !== 0 || !/^OK /m.test(output)) {
      failures++;
      console.error(`  audit:verify --case ${caseNumber} exited ${code}:\n${output.trim()}`);
    }
  }
  wall.sort((a, b) => a - b);
  inProcess.sort((a, b) => a - b);
  return {
    ...emptyRow({ name: "audit:verify CLI, one case", as: null, target: null }, null),
    path: `npm run audit:verify -- --case ${caseNumber}`,
    as: "owner",
    requests: wall.length,
    errors: failures,
    errorKinds: failures ? { "exit code or output": failures } : {},
    seconds: Math.round(wall.reduce((a, b) => a + b, 0) / 10) / 100,
    medianMs: percentile(wall, 50),
    p90Ms: percentile(wall, 90),
    p95Ms: percentile(wall, 95),
    p99Ms: percentile(wall, 99),
    maxMs: wall.at(-1) ?? Number.NaN,
    note: `one run after another, wall time including npm and tsx start-up; the check itself: median ${format(percentile(inProcess, 50), 0)} ms, p95 ${format(percentile(inProcess, 95), 0)} ms`,
  };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const started = performance.now();
  if (!(await databaseExists(config.database))) {
    console.error(`Database ${config.database} not found: run npm run seed:scale first (or set BENCH_DATABASE).`);
    return 2;
  }
  const ownerUrl = databaseUrl(config.database);
  const appUrl = appDatabaseUrl(config.database);
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    console.log(`Database ${config.database}: finding the accounts and cases …`);
    const fixtures = await loadFixtures(db);
    const ap = fixtures.aanspreekpunt;
    const gemeente = ap.gemeente!;
    console.log(
      `  ${fixtures.counts.cases} cases, ${fixtures.counts.auditEvents} audit events, ${fixtures.counts.timelineEntries} timeline entries; ` +
        `longest timeline in ${gemeente.name}: ${fixtures.longTimeline.number} (${fixtures.longTimeline.entries}); ` +
        `longest trail: ${fixtures.longTrail.number} (${fixtures.longTrail.events} events)`,
    );

    const resultsDir = path.join(repoRoot, "bench-results");
    mkdirSync(resultsDir, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
    const logFile = path.join(resultsDir, `national-${stamp}.server.log`);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const secret = randomBytes(32).toString("base64url");
    const portalEnv = { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, AUTH_SECRET: secret, AUTH_URL: origin, AUDIT_MAC_KEY: auditMacKey() };

    let buildSeconds: number | null = null;
    if (config.skipBuild) {
      if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) throw new SetupError("BENCH_SKIP_BUILD=1, but there is no build in .next");
      console.log("Using the existing build in .next (BENCH_SKIP_BUILD=1).");
    } else {
      console.log("Building the app (next build) …");
      const buildStarted = performance.now();
      await run("npx", ["next", "build"], portalEnv);
      buildSeconds = Math.round((performance.now() - buildStarted) / 100) / 10;
    }

    console.log(`Starting next start on ${origin} as doorbraak_app (server log: ${path.relative(process.cwd(), logFile)}) …`);
    const child = await startServer(portalEnv, port, logFile);
    const sampler = new MemorySampler(child.pid!);
    sampler.start(250);
    const startRssMb = mb(sampler.sample());
    const activity = new DatabaseActivity(ownerUrl, config.database, new URL(appUrl).username);
    await activity.start(250);
    const probes: Probes = { memory: sampler, database: activity };

    const cookies = {
      aanspreekpunt: await sessionCookie(ap, secret, origin),
      expert: await sessionCookie(fixtures.expert, secret, origin),
      ombudsman: await sessionCookie(fixtures.ombudsman, secret, origin),
      family: await sessionCookie(fixtures.family, secret, origin),
      platformAdmin: await sessionCookie(fixtures.platformAdmin, secret, origin),
      gemeenteAdmin: await sessionCookie(fixtures.gemeenteAdmin, secret, origin),
    };
    const postHeaders = (cookie: string, contentType: string) => ({ ...browserHeaders(cookie), origin, "content-type": contentType });
    const queueTitle = heading("queue", "queue.title");
    const caseTitle = (number: string) => heading("staff", "workspace.title", { number });
    const trailTitle = (number: string) => heading("staff", "audit.title", { number });

    const pageScenario = (name: string, as: Account, cookie: string, open: () => Promise<{ page: Page; note?: string }>, target: Target = targets.page): Scenario => ({
      name,
      as,
      target,
      prepare: async () => {
        const { page, note } = await open();
        return { request: getRequest(page, cookie), expect: { status: 200 }, note };
      },
    });

    /** A figures page shows a published set: its charts, not the "no figures yet" line. */
    const expectFigures = (page: Page) => {
      if (!page.html.includes("<figure")) throw new CheckFailed("no figures published: run the statistics job (the scale seed ends with it)");
    };
    const queuePage = async (pathname: string) => {
      const page = await openPage(origin, pathname, cookies.aanspreekpunt);
      expectHeading(page, queueTitle);
      return page;
    };
    const rowsNote = (page: Page) => `${caseNumbers(page.html).length} cases on the page`;
    const deepPage = async (start: Page) => {
      const { page, number } = await followNext(origin, start, cookies.aanspreekpunt, config.deepPages - 1);
      if (number < 2) throw new NotMeasurable("only one page");
      return { page, note: `page ${number} (followed "Volgende" from page 1); ${rowsNote(page)}` };
    };

    // Filled by the filing scenario, used up by the claiming scenario.
    const submissions: string[] = [];
    let claimable: { id: string; number: string }[] = [];

    const scenarios: Scenario[] = [
      pageScenario("coverage view (platform admin)", fixtures.platformAdmin, cookies.platformAdmin, async () => {
        const page = await openPage(origin, "/beheer/dekking", cookies.platformAdmin);
        expectHeading(page, heading("coverage", "coverage.title"));
        return { page, note: `${(page.html.match(/<details/g) ?? []).length} regions` };
      }),
      pageScenario("staff page (gemeente admin)", fixtures.gemeenteAdmin, cookies.gemeenteAdmin, async () => {
        const page = await openPage(origin, "/beheer/medewerkers", cookies.gemeenteAdmin);
        expectHeading(page, heading("staffadmin", "staffadmin.staffTitle"));
        return { page, note: fixtures.gemeenteAdmin.gemeente?.name ?? "no gemeente" };
      }),
      pageScenario("onboarding page (platform admin)", fixtures.platformAdmin, cookies.platformAdmin, async () => {
        const page = await openPage(origin, "/beheer/gemeenten-en-regio", cookies.platformAdmin);
        expectHeading(page, heading("staffadmin", "staffadmin.onboardingTitle"));
        return { page };
      }),
      pageScenario("queue, default, page 1", ap, cookies.aanspreekpunt, async () => {
        const page = await queuePage("/werkbak");
        if (caseNumbers(page.html).length === 0) throw new CheckFailed("the queue shows no cases");
        return { page, note: rowsNote(page) };
      }),
      pageScenario("queue, overdue, page 1", ap, cookies.aanspreekpunt, async () => {
        const page = await queuePage("/werkbak?tab=overdue");
        return { page, note: rowsNote(page) };
      }),
      pageScenario("queue, default, deep page", ap, cookies.aanspreekpunt, async () => deepPage(await queuePage("/werkbak"))),
      pageScenario("queue, overdue, deep page", ap, cookies.aanspreekpunt, async () => deepPage(await queuePage("/werkbak?tab=overdue"))),
      pageScenario("case page, long timeline", ap, cookies.aanspreekpunt, async () => {
        const { number, entries } = fixtures.longTimeline;
        const page = await openPage(origin, `/zaken/${number}`, cookies.aanspreekpunt);
        expectHeading(page, caseTitle(number));
        return { page, note: `${number}, ${entries} timeline entries` };
      }),
      pageScenario("expert team queue", fixtures.expert, cookies.expert, async () => {
        const page = await openPage(origin, "/expertteam", cookies.expert);
        expectHeading(page, heading("queue", "queue.regionTitle"));
        return { page, note: `${fixtures.expert.regionCode ?? "no region"}; ${rowsNote(page)}` };
      }),
      pageScenario(
        "ombudsman search",
        fixtures.ombudsman,
        cookies.ombudsman,
        async () => {
          const q = gemeente.commonName ?? gemeente.name;
          const page = await openPage(origin, `/ombudsman?${new URLSearchParams({ q })}`, cookies.ombudsman);
          expectHeading(page, heading("staff", "ombudsman.title"));
          if (caseNumbers(page.html).length === 0) throw new CheckFailed(`the search for "${q}" finds no cases`);
          return { page, note: `q=${q}; ${rowsNote(page)}` };
        },
        targets.search,
      ),
      pageScenario(
        "audit trail, page 1",
        fixtures.ombudsman,
        cookies.ombudsman,
        async () => {
          const { number, events } = fixtures.longTrail;
          const page = await openPage(origin, `/zaken/${number}/audit`, cookies.ombudsman);
          expectHeading(page, trailTitle(number));
          return { page, note: `${number}, ${events} events before the run` };
        },
        targets.search,
      ),
      pageScenario(
        "audit trail, deep page",
        fixtures.ombudsman,
        cookies.ombudsman,
        async () => {
          const { number } = fixtures.longTrail;
          const first = await openPage(origin, `/zaken/${number}/audit`, cookies.ombudsman);
          const { page, number: reached } = await followNext(origin, first, cookies.ombudsman, config.deepPages - 1);
          if (reached < 2) throw new NotMeasurable("only one page");
          expectHeading(page, trailTitle(number));
          return { page, note: `page ${reached} (followed the next link)` };
        },
        targets.search,
      ),
      // The figures (decision 029): one published set per page, never a count per request.
      pageScenario("monitoring, gemeente", ap, cookies.aanspreekpunt, async () => {
        const page = await openPage(origin, `/monitoring/gemeente/${gemeente.cbsCode}`, cookies.aanspreekpunt);
        expectFigures(page);
        return { page, note: `${gemeente.commonName ?? gemeente.name}, ${kilobytes(page.html)}` };
      }),
      pageScenario("monitoring, region", fixtures.expert, cookies.expert, async () => {
        const page = await openPage(origin, `/monitoring/regio/${fixtures.expert.regionCode}`, cookies.expert);
        expectFigures(page);
        return { page, note: `${fixtures.expert.regionCode ?? "no region"}, ${kilobytes(page.html)}` };
      }),
      pageScenario("monitoring, country", fixtures.ombudsman, cookies.ombudsman, async () => {
        const page = await openPage(origin, "/monitoring/nederland", cookies.ombudsman);
        expectFigures(page);
        return { page, note: kilobytes(page.html) };
      }),
      // The largest part of any figures page: the country's 42 regions side by side, per quarter.
      pageScenario("monitoring, country, regions side by side", fixtures.ombudsman, cookies.ombudsman, async () => {
        const page = await openPage(origin, "/monitoring/nederland?deel=naastelkaar", cookies.ombudsman);
        if (!page.html.includes("<table")) throw new CheckFailed("the regions side by side show no table");
        return { page, note: kilobytes(page.html) };
      }),
      {
        name: "open figures, country (no session)",
        as: null,
        target: targets.page,
        prepare: async () => {
          const page = await openPage(origin, "/cijfers", null);
          expectFigures(page);
          return { request: { method: "GET", path: "/cijfers", headers: browserHeaders(null) }, expect: { status: 200 }, note: kilobytes(page.html) };
        },
      },
      {
        name: "file a case (POST /melden)",
        as: fixtures.family,
        target: targets.action,
        prepare: async () => {
          const page = await openPage(origin, "/melden", cookies.family);
          expectHeading(page, heading("family", "filing.title"));
          const form = formContaining(page.html, 'name="submissionId"');
          if (!form) throw new CheckFailed("/melden has no filing form");
          const action = hiddenFields(form).filter(([name]) => name.startsWith("$ACTION"));
          const year = new Date().getUTCFullYear();
          const fields = (submissionId: string): [string, string][] => [
            ...action,
            ["submissionId", submissionId],
            ["filerRole", "PARENT"],
            ["childName", `Bench Kind ${submissionId.slice(0, 8)}`],
            ["childBirthDate", `${year - 12}-09-12`],
            ["schoolSituation", "NONE"],
            ["outOfSchoolSince", isoDaysAgo(120)],
            ["livingSituation", "OWN_ADDRESS"],
            ["ownGemeenteCode", gemeente.cbsCode],
            ["domains", "JEUGDHULP"],
            ["domains", "ONDERWIJS"],
            ["stuckDescription", "Ons kind zit al maanden thuis zonder school en zonder passende zorg."],
            ["refusedBy", "De school en de zorgaanbieder."],
            ["triedDescription", "Gesprekken met school en het wijkteam."],
            ["needDescription", "Onderwijs met zorg op maat."],
            ["urgency", "NORMAL"],
            ["contactPreference", "EMAIL"],
            ["consent", "on"],
          ];
          const asked = fieldNames(form);
          const unknown = fields(randomUUID()).map(([name]) => name).filter((name) => !asked.has(name));
          if (unknown.length) throw new CheckFailed(`the filing form no longer has ${[...new Set(unknown)].join(", ")}`);
          const boundary = newBoundary();
          const send = (submissionId: string) => multipart(fields(submissionId), boundary);
          // One filing by hand: it must redirect to the confirmation and create the case in this gemeente.
          const probeId = randomUUID();
          const probe = send(probeId);
          const response = await fetch(`${origin}/melden`, {
            method: "POST",
            headers: postHeaders(cookies.family, probe.contentType),
            body: new Uint8Array(probe.body),
            redirect: "manual",
          });
          const location = response.headers.get("location") ?? "";
          await response.arrayBuffer();
          if (response.status !== 303 || !/^\/mijn-meldingen\/DB-\d{4}-\d{6}\/bevestiging$/.test(location)) {
            throw new CheckFailed(`filing answered ${response.status}${location ? ` to ${location}` : ""}, not a redirect to the confirmation`);
          }
          const filed = await db.query<{ status: string; gemeenteId: string }>(`SELECT status::text, "gemeenteId" FROM "Case" WHERE "submissionId" = $1`, [probeId]);
          if (filed.rows[0]?.gemeenteId !== gemeente.id) throw new CheckFailed(`the filed case is not in ${gemeente.name}'s database rows`);
          submissions.push(probeId);
          const first = send(randomUUID());
          return {
            request: { method: "POST", path: "/melden", headers: postHeaders(cookies.family, first.contentType), body: first.body,
              vary: () => {
                const id = randomUUID();
                submissions.push(id);
                return { body: send(id).body };
              } },
            expect: { status: 303, location: /^\/mijn-meldingen\/DB-\d{4}-\d{6}\/bevestiging$/ },
          };
        },
        after: async (sample) => {
          claimable = (
            await db.query<{ id: string; number: string }>(
              `SELECT id, number FROM "Case" WHERE "submissionId" = ANY($1) AND status = 'SUBMITTED' AND "assigneeId" IS NULL ORDER BY number`,
              [submissions],
            )
          ).rows;
          const redirects = sample.statusCodes["303"] ?? 0;
          return `${claimable.length} cases filed in ${gemeente.name} (counted in the database, warm-up included); ${redirects} redirects to the confirmation in the measured run`;
        },
      },
      {
        name: "claim a case (POST /zaken/…)",
        as: ap,
        target: targets.action,
        prepare: async () => {
          // Each connection prepares one request more than it sends, in the warm-up and in the
          // measured run: those cases are set aside, so that no request claims a case twice.
          const reserve = 2 * config.connections;
          // When filing was too slow to leave enough new cases, unclaimed cases of the data set make up the rest.
          const fromFiling = claimable.length;
          const wanted = 1 + reserve + 2 * config.connections + 60;
          if (claimable.length < wanted) {
            const more = await db.query<{ id: string; number: string }>(
              `SELECT id, number FROM "Case" WHERE "gemeenteId" = $1 AND status = 'SUBMITTED' AND "assigneeId" IS NULL AND NOT (id = ANY($2))
               ORDER BY "createdAt" DESC LIMIT $3`,
              [gemeente.id, claimable.map((c) => c.id), wanted - claimable.length],
            );
            claimable.push(...more.rows);
          }
          if (claimable.length < 1 + reserve + 2 * config.connections) {
            throw new NotMeasurable(`only ${claimable.length} unclaimed cases in ${gemeente.name}`);
          }
          const casesFrom = fromFiling < claimable.length ? `${fromFiling} filed by this run, ${claimable.length - fromFiling} unclaimed cases of the data set` : "all filed by this run";
          const [probeCase, ...rest] = claimable;
          const page = await openPage(origin, `/zaken/${probeCase!.number}`, cookies.aanspreekpunt);
          expectHeading(page, caseTitle(probeCase!.number));
          const form = formAfter(page.html, 'id="a-claim"');
          if (!form) throw new CheckFailed(`${probeCase!.number} offers no claim form`);
          const hidden = hiddenFields(form);
          if (!hidden.some(([name, value]) => name === "caseId" && value === probeCase!.id)) throw new CheckFailed("the claim form names another case");
          const action = hidden.filter(([name]) => name.startsWith("$ACTION"));
          const boundary = newBoundary();
          const send = (c: { id: string; number: string }) => multipart([...action, ["caseId", c.id], ["caseNumber", c.number]], boundary);
          const probe = send(probeCase!);
          const response = await fetch(`${origin}/zaken/${probeCase!.number}`, {
            method: "POST",
            headers: postHeaders(cookies.aanspreekpunt, probe.contentType),
            body: new Uint8Array(probe.body),
            redirect: "manual",
          });
          const location = response.headers.get("location") ?? "";
          await response.arrayBuffer();
          if (response.status !== 303 || location !== `/zaken/${probeCase!.number}?gedaan=1`) {
            throw new CheckFailed(`claiming answered ${response.status}${location ? ` to ${location}` : ""}`);
          }
          const claimed = await db.query<{ status: string; assigneeId: string | null }>(`SELECT status::text, "assigneeId" FROM "Case" WHERE id = $1`, [probeCase!.id]);
          if (claimed.rows[0]?.status !== "TRIAGE" || claimed.rows[0]?.assigneeId !== ap.id) throw new CheckFailed("the claimed case did not move to triage with the aanspreekpunt");
          const usable = rest.length - reserve;
          const warmupCount = Math.max(config.connections, Math.min(50, Math.floor(usable / 6)));
          const measuredCount = usable - warmupCount;
          let next = 0;
          const nextCase = () => rest[Math.min(next++, rest.length - 1)]!;
          const first = send(rest[0]!);
          return {
            request: {
              method: "POST",
              path: `/zaken/${rest[0]!.number}`,
              headers: postHeaders(cookies.aanspreekpunt, first.contentType),
              body: first.body,
              vary: () => {
                const c = nextCase();
                return { path: `/zaken/${c.number}`, body: send(c).body };
              },
            },
            expect: { status: 303, location: /^\/zaken\/DB-\d{4}-\d{6}\?gedaan=1$/ },
            amounts: { warmup: warmupCount, measured: measuredCount },
            note: `${measuredCount} claims measured (a fixed count: each request claims another case; ${casesFrom})`,
          };
        },
        after: async () => {
          const claimed = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case" WHERE id = ANY($1) AND "assigneeId" = $2`, [
            claimable.map((c) => c.id),
            ap.id,
          ]);
          return `${claimed.rows[0]!.n} of these ${claimable.length} cases now claimed by the aanspreekpunt (checked in the database)`;
        },
      },
      {
        name: "verify chain, one case (HTTP)",
        as: fixtures.ombudsman,
        target: null,
        prepare: async () => {
          const { number } = fixtures.longTrail;
          const page = await openPage(origin, `/zaken/${number}/audit`, cookies.ombudsman);
          const form = formContaining(page.html, 'name="caseNumber"');
          const id = form ? actionId(form) : null;
          if (!id) throw new CheckFailed(`the trail of ${number} offers no verify button`);
          // As the browser calls it: the action's arguments (previous state, the form's fields)
          // encoded by React's own encoder, with the action id in the Next-Action header.
          const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge") as {
            encodeReply: (value: unknown) => Promise<FormData | string>;
          };
          const fields = new FormData();
          fields.append("caseNumber", number);
          const encoded = new Response(await encodeReply([null, fields]));
          const body = Buffer.from(await encoded.arrayBuffer());
          const headers = {
            ...postHeaders(cookies.ombudsman, encoded.headers.get("content-type") ?? "text/plain;charset=UTF-8"),
            accept: "text/x-component",
            "next-action": id,
          };
          const response = await fetch(`${origin}/zaken/${number}/audit`, { method: "POST", headers, body: new Uint8Array(body), redirect: "manual" });
          const text = await response.text();
          const checked = /"checked":(\d+)/.exec(text)?.[1];
          if (response.status !== 200 || !/"ok":true/.test(text) || !checked) throw new CheckFailed(`verifying answered ${response.status}: ${text.slice(0, 200)}`);
          const whole = /"broken":null/.test(text);
          return {
            request: { method: "POST", path: `/zaken/${number}/audit`, headers, body },
            expect: { status: 200, body: /"ok":true/ },
            note: `${number}: ${checked} events checked per request, chain ${whole ? "whole" : "BROKEN"}`,
          };
        },
      },
    ];

    const rows: Row[] = [];
    const floorScenario: Scenario = {
      name: "static floor (GET /health)",
      as: null,
      target: null,
      prepare: async () => {
        const page = await openPage(origin, "/health", null);
        if (page.html.trim() !== "ok") throw new CheckFailed("/health does not answer ok");
        return { request: { method: "GET", path: "/health", headers: browserHeaders(null) }, expect: { status: 200 } };
      },
    };
    // For reference only: a file the proxy (proxy.ts) does not see, so the floor's own cost shows.
    const staticFile = readdirSync(path.join(repoRoot, ".next", "static", "chunks"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => ({ f, size: statSync(path.join(repoRoot, ".next", "static", "chunks", f)).size }))
      .sort((a, b) => a.size - b.size)[0];
    if (staticFile) {
      const file = `/_next/static/chunks/${staticFile.f}`;
      scenarios.unshift({
        name: "static file, no proxy",
        as: null,
        target: null,
        prepare: async () => {
          await openPage(origin, file, null);
          return { request: { method: "GET", path: file, headers: browserHeaders(null) }, expect: { status: 200 }, note: `${file} (${staticFile.size} bytes), served without running proxy.ts` };
        },
      });
    }
    // For reference only: the simplest page rendered per request (no session, no database),
    // which shows what rendering alone costs in this app on this machine.
    scenarios.unshift({
      name: "sign-in page, no session",
      as: null,
      target: null,
      prepare: async () => {
        const page = await openPage(origin, "/inloggen", null);
        expectHeading(page, heading("family", "signIn.title"));
        return { request: { method: "GET", path: "/inloggen", headers: browserHeaders(null) }, expect: { status: 200 }, note: "rendered per request, reads nothing from the database" };
      },
    });
    if (config.only) {
      const only = config.only;
      const parts = only.split(",").map((part) => part.trim()).filter(Boolean);
      const kept = scenarios.filter((s) => parts.some((part) => s.name.toLowerCase().includes(part)));
      if (kept.length === 0) throw new SetupError(`BENCH_ONLY=${only} matches no scenario.`);
      scenarios.splice(0, scenarios.length, ...kept);
    }
    const total = scenarios.length + 3;
    const progress = (row: Row, i: number) =>
      console.log(
        `  [${i}/${total}] ${row.name}: ` +
          (row.notMeasured ? row.notMeasured : `${row.requests} requests, median ${format(row.medianMs)} ms, p95 ${format(row.p95Ms)} ms, ${format(row.reqPerSec)} req/s`),
      );
    console.log(`Measuring at ${config.connections} connections: ${config.warmupSeconds} s warm-up, then ${config.seconds} s per scenario …`);
    const floor = await measure(origin, floorScenario, probes);
    if (floor.notMeasured) throw new Error(`The static floor could not be measured: ${floor.notMeasured}`);
    rows.push(floor);
    progress(floor, 1);
    for (const scenario of scenarios) {
      const row = await measure(origin, scenario, probes);
      rows.push(row);
      progress(row, rows.length);
    }
    // The machine is shared: the floor once more shows whether its speed changed during the run.
    const closing = await measure(origin, { ...floorScenario, name: "static floor, again at the end" }, probes);
    const drift = closing.reqPerSec !== null && floor.reqPerSec !== null ? closing.reqPerSec / floor.reqPerSec : null;
    if (drift !== null && Math.abs(drift - 1) > 0.25) {
      closing.note = `the floor moved by ${Math.round((drift - 1) * 100)}% during the run: the machine was busier or quieter, so compare ratios with care`;
    }
    rows.push(closing);
    progress(closing, rows.length);
    // Ratios are taken to the faster floor run: a floor measured while the machine was busy
    // would make every page look relatively better than it is.
    const reference = (closing.reqPerSec ?? 0) > (floor.reqPerSec ?? 0) ? closing : floor;
    reference.note = [reference.note, "the reference for the ratios (the faster of the two floor runs)"].filter(Boolean).join("; ");
    for (const row of rows) {
      if (row.notMeasured) continue;
      row.throughputRatio = row.reqPerSec !== null && reference.reqPerSec ? row.reqPerSec / reference.reqPerSec : null;
      row.p95Ratio = row.requests > 0 ? row.p95Ms / reference.p95Ms : null;
      judge(row);
    }
    const cli = await auditVerifyCli(ownerUrl, fixtures.longTrail.number);
    rows.push(cli);
    progress(cli, rows.length);

    sampler.stop();
    await activity.stop();
    const peakRssMb = mb(sampler.peakKb);
    await stopServer();

    const misses = rows.flatMap((r) => r.misses.map((m) => `${r.name}: ${m}`));
    if (config.processes === 1 && peakRssMb >= memoryTargetMb) misses.push(`server memory: peak ${peakRssMb} MB ≥ ${memoryTargetMb} MB`);
    const totalSeconds = Math.round((performance.now() - started) / 1000);

    console.log("");
    console.log(table(rows));
    console.log("");
    console.log(
      config.processes > 1
        ? `Peak resident memory of all ${config.processes} server processes and the address in front of them, together: ${peakRssMb} MB (${startRssMb} MB when they had started; the target is per process)`
        : `Peak resident memory of the server (next-server and its children): ${peakRssMb} MB (target < ${memoryTargetMb} MB; ${startRssMb} MB when it had started)`,
    );
    for (const row of rows.filter((r) => r.note || Object.keys(r.errorKinds).length)) {
      const errors = Object.entries(row.errorKinds).map(([k, n]) => `${n}× ${k}`).join(", ");
      console.log(`  ${row.name}: ${[row.note, errors && `errors: ${errors}`].filter(Boolean).join("; ")}`);
    }
    const missed = rows.filter((r) => r.passed === false && r.database);
    if (missed.length) console.log("\nThe portal's database connections during the scenarios that missed a target (average per sample):");
    for (const row of missed) {
      const states = Object.entries(row.database!.averageConnections).map(([state, n]) => `${n} ${state}`).join(", ") || "none busy";
      const top = row.database!.topStatements[0];
      console.log(`  ${row.name}: ${states}${top ? `\n    most often running: ${top.statement.slice(0, 160)}` : ""}`);
    }

    const results = {
      startedAt: startedAt.toISOString(),
      totalSeconds,
      buildSeconds,
      serverProcesses: config.processes,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.type()} ${os.release()}`,
        loadAverageAtEnd: os.loadavg(),
      },
      postgres: fixtures.postgres,
      database: config.database,
      dataset: {
        ...fixtures.counts,
        gemeente: { cbsCode: gemeente.cbsCode, name: gemeente.name },
        longTimelineCase: fixtures.longTimeline,
        longTrailCase: fixtures.longTrail,
      },
      floorReference: reference.name,
      settings: { connections: config.connections, seconds: config.seconds, warmupSeconds: config.warmupSeconds, deepPages: config.deepPages, verifyRuns: config.verifyRuns, tool: "autocannon 9" },
      memory: { peakRssMb, startRssMb, targetMb: memoryTargetMb, passed: peakRssMb < memoryTargetMb, samples: sampler.samples, everyMs: 250 },
      scenarios: rows,
      misses,
      passed: misses.length === 0,
    };
    const file = path.join(resultsDir, `national-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 2)}\n`);
    console.log(`\nResults: ${path.relative(process.cwd(), file)} (whole run ${totalSeconds} s)`);
    if (misses.length) {
      console.log(`\nMissed ${misses.length} target(s):`);
      for (const miss of misses) console.log(`  - ${miss}`);
      return 1;
    }
    console.log("Every target met.");
    return 0;
  } finally {
    await db.end();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server …`);
    void stopServer().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await stopServer();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    await stopServer();
    console.error(error instanceof Error ? (error instanceof SetupError ? error.message : error.stack) : error);
    process.exit(error instanceof SetupError ? 2 : 1);
  });
