/**
 * Usage: tsx scripts/db/migrate.ts deploy | dev --name <what> | diff | status | reset --force
 *
 * Target: DATABASE_OWNER_URL, else DATABASE_URL, when set (SHADOW_DATABASE_URL
 * optionally, for roles without CREATEDB), else the embedded PGlite database
 * in .data/pglite. Migrations run as the owner of the tables; the portal itself
 * connects as doorbraak_app (decision 016).
 * `diff` needs no database: it exits 2 when schema.prisma has changes that no
 * migration covers (for CI), 0 when they are in sync.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import {
  migrateDeploy,
  migrateDev,
  migrateDiff,
  migrateReset,
  migrateStatus,
  repoRoot,
  type Target,
} from "./engine";

function targetFromEnv(): Target {
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (url) return { kind: "postgres", url, shadowUrl: process.env.SHADOW_DATABASE_URL || undefined };
  return { kind: "pglite", dataDir: path.join(repoRoot, ".data", "pglite") };
}

function describe(target: Target): string {
  if (target.kind === "pglite") return `PGlite at ${path.relative(process.cwd(), target.dataDir) || "."}`;
  const u = new URL(target.url);
  return `PostgreSQL database "${u.pathname.slice(1)}" at ${u.host}`;
}

function list(names: string[]): string {
  return names.length ? names.map((n) => `  ${n}`).join("\n") : "  (none)";
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, force: { type: "boolean" } },
  });
  const command = positionals[0];
  const target = targetFromEnv();

  switch (command) {
    case "deploy": {
      console.log(`Applying migrations to ${describe(target)}`);
      const applied = await migrateDeploy(target);
      console.log(applied.length ? `Applied:\n${list(applied)}` : "No pending migrations.");
      return 0;
    }
    case "dev": {
      if (!values.name) {
        console.error("Usage: npm run db:migrate:dev -- --name <what>");
        return 1;
      }
      const { created, applied, warnings } = await migrateDev(values.name, target);
      for (const w of warnings) console.warn(`Warning: ${w}`);
      console.log(created ? `Created prisma/migrations/${created}/migration.sql` : "schema.prisma has no changes.");
      console.log(`Applied to ${describe(target)}:\n${list(applied)}`);
      return 0;
    }
    case "diff": {
      const { differs, summary } = await migrateDiff();
      if (!differs) {
        console.log("schema.prisma and prisma/migrations are in sync.");
        return 0;
      }
      console.error(summary.trim());
      console.error("schema.prisma has changes without a migration: run npm run db:migrate:dev -- --name <what>");
      return 2;
    }
    case "status": {
      const s = await migrateStatus(target);
      console.log(`${describe(target)}; migrations in folder:\n${list(s.migrations)}`);
      if (s.failedMigrationNames.length) console.log(`Failed:\n${list(s.failedMigrationNames)}`);
      if (s.editedMigrationNames.length) console.log(`Edited after being applied:\n${list(s.editedMigrationNames)}`);
      const h = s.history;
      if (!h) {
        console.log("Database is up to date.");
        return 0;
      }
      if (h.diagnostic === "databaseIsBehind") console.log(`Not yet applied:\n${list(h.unappliedMigrationNames)}`);
      else if (h.diagnostic === "migrationsDirectoryIsBehind") console.log(`Applied but not in the folder:\n${list(h.unpersistedMigrationNames)}`);
      else console.log(`Histories diverge after ${h.lastCommonMigrationName ?? "the start"}.`);
      return 1;
    }
    case "reset": {
      if (!values.force) {
        console.error(`reset deletes all data in ${describe(target)}; pass --force to confirm.`);
        return 1;
      }
      const applied = await migrateReset(target);
      console.log(`Reset ${describe(target)} and applied:\n${list(applied)}`);
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/db/migrate.ts deploy | dev --name <what> | diff | status | reset --force");
      return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
