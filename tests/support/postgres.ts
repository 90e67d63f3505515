import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Tests create and drop their own databases on the local PostgreSQL server and
 * never touch one they did not create. The server is reached through this
 * maintenance URL.
 */
export const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The audit mac key of the test databases (decision 024); never a production key. */
export const TEST_AUDIT_MAC_KEY = "test-audit-mac-key-used-only-by-the-tests-0123456789";

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** The owner's connection to a test database: migrations, seeds and the tests' own checks. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The portal's connection to a test database: as doorbraak_app, the role the
 * migrations create, so that row-level security applies as in production.
 */
export function appDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = process.env.TEST_DATABASE_APP_USER ?? "doorbraak_app";
  url.password = process.env.TEST_DATABASE_APP_PASSWORD ?? "";
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const safeName = /^[a-z0-9_]+$/;

export async function createDatabase(name: string, template?: string): Promise<void> {
  if (!safeName.test(name) || (template && !safeName.test(template))) throw new Error(`Unsafe database name ${name}`);
  await admin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
}

export async function dropDatabase(name: string): Promise<void> {
  if (!safeName.test(name)) throw new Error(`Unsafe database name ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
