/**
 * Prisma migrations without the native schema-engine binary (it cannot be
 * downloaded here): we drive the official wasm build of the schema engine
 * through a driver adapter, as the Prisma CLI would. It writes the same
 * prisma/migrations/<timestamp>_<name>/migration.sql files and the same
 * _prisma_migrations table. The numbered pitfalls are those of
 * /work/shared/ENVIRONMENT.md ("Prisma 7 without its native engines").
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadConfigFromFile } from "@prisma/config";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import PgBoss from "pg-boss";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Where to migrate. `shadowUrl` is only for roles without CREATEDB: that
 * database is wiped on every use, so never point it at data you want to keep.
 */
export type Target =
  | { kind: "postgres"; url: string; shadowUrl?: string }
  | { kind: "pglite"; dataDir: string };

/** Overrides of the paths in prisma.config.ts (e.g. a copy of the schema in a temp dir). */
export type Paths = { schemaPath?: string; migrationsDir?: string };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

// ───────────────────────── commands ─────────────────────────

/** Applies every migration not yet in _prisma_migrations; returns their names. */
export async function migrateDeploy(target: Target, paths: Paths = {}): Promise<string[]> {
  const applied = await withEngine(target, paths, async (engine, project) => {
    const migrationsList = await project.migrations();
    return (await engine.applyMigrations({ migrationsList, filters: noFilter })).appliedMigrationNames;
  });
  if (target.kind === "postgres") await installJobQueue(target.url);
  return applied;
}

/**
 * The job queue (pg-boss) keeps its tables in its own schema. The portal's
 * role may not create schemas, so the owner installs it here and hands the
 * schema to doorbraak_app, which then creates the per-queue tables and
 * applies pg-boss's own upgrades itself. Runs on every deploy; does nothing
 * the second time.
 */
async function installJobQueue(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const installed = await client.query<{ found: string | null }>(`SELECT to_regclass('pgboss.version')::text AS found`);
    if (!installed.rows[0]?.found) await client.query(PgBoss.getConstructionPlans("pgboss"));
    await client.query(`
      DO $$
      DECLARE r record;
      BEGIN
        ALTER SCHEMA pgboss OWNER TO doorbraak_app;
        FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S', 'v') LOOP
          EXECUTE format('ALTER TABLE pgboss.%I OWNER TO doorbraak_app', r.relname);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'pgboss' LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO doorbraak_app', r.fn);
        END LOOP;
        FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = 'pgboss' AND t.typtype = 'e' LOOP
          EXECUTE format('ALTER TYPE pgboss.%I OWNER TO doorbraak_app', r.typname);
        END LOOP;
      END
      $$`);
  } finally {
    await client.end();
  }
}

/**
 * Whether schema.prisma describes a different database than the migrations
 * folder produces. Without a target, the migrations are replayed in an
 * in-memory PGlite, so CI needs no database server.
 */
export async function migrateDiff(
  target?: Target,
  paths: Paths = {},
): Promise<{ differs: boolean; summary: string }> {
  return withEngine(target ?? "scratch", paths, async (engine, { files, migrations }) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await migrations()) },
      to: { tag: "schemaDatamodel", files },
      script: false,
      exitCode: true,
      filters: noFilter,
    });
    return { differs: result.exitCode === 2, summary: result.stdout ?? "" };
  });
}

/**
 * Applies pending migrations, then writes a migration for whatever
 * schema.prisma adds on top of them and applies it. `created` is null when the
 * schema had no changes. Refuses (rather than resets) when the database has
 * drifted from the migration history.
 */
export async function migrateDev(
  name: string,
  target: Target,
  paths: Paths = {},
): Promise<{ created: string | null; applied: string[]; warnings: string[] }> {
  return withEngine(target, paths, async (engine, { files, migrationsDir, migrations }) => {
    const migrationsList = await migrations();
    // Pitfall 5: createMigration only finds its shadow database after devDiagnostic.
    const { action } = await engine.devDiagnostic({ migrationsList, filters: noFilter });
    if (action.tag === "reset") {
      throw new Error(`The database must be reset before a new migration can be made: ${action.reason}`);
    }
    const applied = (await engine.applyMigrations({ migrationsList, filters: noFilter })).appliedMigrationNames;
    // Pitfall 5 again: once it has applied a migration, the engine needs devDiagnostic anew.
    if (applied.length > 0) await engine.devDiagnostic({ migrationsList, filters: noFilter });
    const { warnings } = await engine.evaluateDataLoss({ migrationsList, schema: { files }, filters: noFilter });
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files },
      filters: noFilter,
    });
    if (out.migrationScript === null) return { created: null, applied, warnings: [] };

    const dir = path.join(migrationsDir, out.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    await writeFile(
      path.join(migrationsDir, "migration_lock.toml"),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
    );
    const next = await engine.applyMigrations({ migrationsList: await migrations(), filters: noFilter });
    applied.push(...next.appliedMigrationNames);
    return { created: out.generatedMigrationName, applied, warnings: warnings.map((w) => w.message) };
  });
}

/** Drops everything in the target database, then applies all migrations. */
export async function migrateReset(target: Target, paths: Paths = {}): Promise<string[]> {
  return withEngine(target, paths, async (engine, { migrations }) => {
    await engine.reset({ filter: noFilter });
    return (await engine.applyMigrations({ migrationsList: await migrations(), filters: noFilter }))
      .appliedMigrationNames;
  });
}

/** How the target's _prisma_migrations compares with the migrations folder. */
export async function migrateStatus(target: Target, paths: Paths = {}) {
  return withEngine(target, paths, async (engine, { migrations }) => {
    const migrationsList = await migrations();
    const status = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilter,
    });
    return { ...status, migrations: migrationsList.migrationDirectories.map((d) => d.path) };
  });
}

// ───────────────────────── files ─────────────────────────

type Project = {
  files: { path: string; content: string }[];
  migrationsDir: string;
  /** Re-read on every call: `dev` adds a migration midway. */
  migrations: () => Promise<MigrationList>;
};

async function loadProject(paths: Paths): Promise<Project> {
  const configFile = path.join(repoRoot, "prisma.config.ts");
  const { config, error } = await loadConfigFromFile({ configFile });
  if (error) throw new Error(`Cannot load ${configFile}: ${error._tag}`);
  const schemaPath = path.resolve(repoRoot, paths.schemaPath ?? config.schema ?? "prisma/schema.prisma");
  const migrationsDir = path.resolve(repoRoot, paths.migrationsDir ?? config.migrations?.path ?? "prisma/migrations");
  return {
    files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }],
    migrationsDir,
    migrations: () => listMigrations(migrationsDir),
  };
}

/** The migrations folder in the shape the engine expects (as the Prisma CLI reads it). */
async function listMigrations(baseDir: string): Promise<MigrationList> {
  const lockPath = "migration_lock.toml";
  const lock = await readFile(path.join(baseDir, lockPath), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(baseDir, dir, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (e: Error) => ({ tag: "error" as const, value: e.message }),
        ),
      },
    })),
  );
  return { baseDir, lockfile: { path: lockPath, content: lock }, shadowDbInitScript: "", migrationDirectories };
}

// ───────────────────────── engine ─────────────────────────

let engineClass: Promise<typeof SchemaEngine> | undefined;
let runningEngines = 0;
const engineTimers = new Set<NodeJS.Timeout>();

/** Instantiates the wasm module once per process (its ESM entry imports a .wasm file, which Node cannot). */
function loadEngineClass(): Promise<typeof SchemaEngine> {
  return (engineClass ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const jsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = new Uint8Array(await readFile(path.join(path.dirname(jsPath), "schema_engine_bg.wasm")));
    const imports: Record<string, unknown> = { ...bg };
    // The engine arms timeouts (e.g. 10 s around its migration lock) and never
    // clears them, which keeps Node alive after the work is done. Track them
    // so that withEngine can clear them.
    const setTimeoutImport = Object.keys(bg).find((k) => k.startsWith("__wbg_setTimeout_"));
    if (setTimeoutImport) {
      imports[setTimeoutImport] = (fn: () => void, ms: number) => {
        const timer = setTimeout(() => {
          engineTimers.delete(timer);
          fn();
        }, ms >>> 0);
        engineTimers.add(timer);
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    // The engine reports Rust panics here before it traps (the Prisma CLI defines it too).
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => console.error(`Schema engine panic: ${message}`),
    };
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg.SchemaEngine;
  })());
}

/**
 * The engine always gets the schema, even for commands that only read the
 * migrations: without a datasource block to read, it traps ("unreachable").
 */
async function withEngine<T>(
  target: Target | "scratch",
  paths: Paths,
  run: (engine: SchemaEngine, project: Project) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadEngineClass();
  const project = await loadProject(paths);
  const conn =
    target === "scratch"
      ? scratchConnection()
      : target.kind === "postgres"
        ? postgresConnection(target)
        : pgliteConnection(target.dataDir);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(conn.factory);
  let engine: SchemaEngine | undefined;
  runningEngines++;
  try {
    const log = process.env.DEBUG_SCHEMA_ENGINE ? (line: string) => console.error(line) : () => {};
    engine = await SchemaEngineClass.new(
      { datamodels: project.files.map((f): [string, string] => [f.path, f.content]) },
      log,
      adapterFactory,
    );
    return await run(engine, project);
  } catch (e) {
    // An error thrown by our own adapter code reaches us only as "External error id#N".
    const id = /External error id#(\d+)/.exec(String(e))?.[1];
    const original = id === undefined ? undefined : adapterFactory.errorRegistry.consumeError(Number(id))?.error;
    throw original instanceof Error ? new Error(original.message, { cause: e }) : e;
  } finally {
    engine?.free();
    await conn.close();
    // Only when no engine is running: another one may be waiting on its timer.
    if (--runningEngines === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
}

// ───────────────────────── connections ─────────────────────────

type Connection = { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };

function pgliteConnection(dataDir: string): Connection {
  // PGlite creates its data directory but not the parents (.data/ on a fresh checkout).
  if (!dataDir.includes("://")) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const db = new PGlite(dataDir);
  return {
    factory: {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: () => new PrismaPGlite(db).connect(),
      // The adapter's own shadow PGlite is never closed; this one is, on dispose.
      connectToShadowDb: async () => {
        const shadow = new PGlite();
        const adapter = await new PrismaPGlite(shadow).connect();
        return withDispose(adapter, () => shadow.close());
      },
    },
    close: () => db.close(),
  };
}

/**
 * An in-memory database that is its own shadow. Only for `diff` without a
 * target, which never reads the main database: it saves starting a second
 * PGlite (seconds each).
 */
function scratchConnection(): Connection {
  const db = new PGlite();
  const connect = () => new PrismaPGlite(db).connect();
  return {
    factory: { provider: "postgres", adapterName: "pglite-prisma-adapter", connect, connectToShadowDb: connect },
    close: () => db.close(),
  };
}

function postgresConnection(target: { url: string; shadowUrl?: string }): Connection {
  const main = connectionFields(target.url);
  const shadow = target.shadowUrl ? connectionFields(target.shadowUrl) : undefined;
  if (shadow && shadow.host === main.host && shadow.port === main.port && shadow.database === main.database) {
    throw new Error("The shadow database URL points at the target database; refusing to wipe it.");
  }
  const pool = newPool(main);
  const base = new PrismaPg(pool); // external pool: we end it in close()
  const liveShadows = new Set<string>();

  const dropShadow = async (name: string) => {
    await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    liveShadows.delete(name);
  };

  // Pitfalls 2–4: PrismaPg's own connectToShadowDb can land on the real
  // database (connectionString wins over `database`) and leaks the shadow.
  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    if (shadow) {
      const shadowPool = newPool(shadow);
      const wipe = () => shadowPool.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      await wipe();
      const adapter = wholeScripts(await new PrismaPg(shadowPool).connect(), shadowPool);
      return withDispose(adapter, async () => {
        await wipe();
        await shadowPool.end();
      });
    }
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await pool.query(`CREATE DATABASE "${name}"`);
    liveShadows.add(name);
    const shadowPool = newPool({ ...main, database: name });
    const adapter = wholeScripts(await new PrismaPg(shadowPool).connect(), shadowPool);
    return withDispose(adapter, async () => {
      await shadowPool.end(); // before the drop (pitfall 3)
      await dropShadow(name);
    });
  };

  return {
    factory: {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => wholeScripts(await base.connect(), pool),
      connectToShadowDb,
    },
    close: async () => {
      // A shadow the engine did not dispose (e.g. after an error) must not leak either.
      for (const name of [...liveShadows]) await dropShadow(name);
      await pool.end();
    },
  };
}

/**
 * PrismaPg runs a migration script by splitting it at every ";", also inside
 * comments and function bodies (a trigger function has several). PostgreSQL
 * runs a whole script itself, as one implicit transaction, so a migration
 * applies completely or not at all.
 */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

function newPool(fields: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...fields, Client: CatalogAsTextClient });
  // pool.end() resolves before its sockets close, so DROP DATABASE ... WITH
  // (FORCE) can still terminate an idle client; unhandled, that error kills
  // the process. Errors of running queries still reach the engine.
  pool.on("error", () => {});
  return pool;
}

/** Runs `cleanup` after the adapter's own dispose. */
function withDispose(adapter: SqlDriverAdapter, cleanup: () => Promise<void>): SqlDriverAdapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await cleanup();
  };
  return adapter;
}

/**
 * Pitfall 2: discrete fields, never `connectionString`, so that a `database`
 * we set is the database we get.
 */
function connectionFields(url: string) {
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") throw new Error(`Not a PostgreSQL URL: ${u.protocol}`);
  const schema = u.searchParams.get("schema");
  if (schema && schema !== "public") throw new Error(`Only the public schema is supported, not ?schema=${schema}`);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: u.searchParams.get("host") ?? (decodeURIComponent(u.hostname) || "localhost"),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ssl: sslmode === "require" || sslmode === "verify-ca" || sslmode === "verify-full" ? true : undefined,
  };
}

/**
 * Pitfall 1: adapter-pg cannot decode some catalog types the engine reads
 * ("Column type 'char' could not be deserialized"). Their text form is all the
 * engine needs, so label them as text in every result.
 */
const CATALOG_OIDS = new Set([18 /* "char" */, 24 /* regproc */, 194 /* pg_node_tree */, 2205 /* regclass */, 2206 /* regtype */]);
const TEXT_OID = 25;

function relabel<R>(result: R): R {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // pg.Pool calls query() with a callback; PrismaPg's transactions use the promise form.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : relabel(res));
      return Reflect.apply(super.query, this, args) as never;
    }
    const out: unknown = Reflect.apply(super.query, this, args);
    return (out instanceof Promise ? out.then(relabel) : out) as never;
  }
}
