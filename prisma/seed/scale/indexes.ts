import { performance } from "node:perf_hooks";
import pg from "pg";

/**
 * Loading is much faster into tables without indexes and constraints: each
 * is built once afterwards from sorted data instead of row by row. These
 * helpers set aside exactly what the migrations made (the catalog's own
 * definitions) and put it back, and a fingerprint of the schema shows that
 * nothing else changed.
 */

export type SetAside = {
  /** Primary keys, unique and other indexes: CREATE INDEX or ALTER TABLE … ADD CONSTRAINT, biggest tables first */
  builds: { table: string; sql: string }[];
  /** Foreign keys, added (and so checked against every row) after the indexes */
  foreignKeys: string[];
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every index and constraint of the public schema, as the catalog defines them. */
export async function schemaFingerprint(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ line: string }>(`
    SELECT c.relname || ' ' || pg_get_indexdef(i.indexrelid) AS line
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public'
    UNION ALL
    SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'
    ORDER BY line`);
  return rows.map((r) => r.line).join("\n");
}

/** Drops the indexes, keys and foreign keys of `tables` (in one transaction) and returns how to make them again. */
export async function setAsideIndexes(client: pg.Client, tables: readonly string[]): Promise<SetAside> {
  const foreign = await client.query<{ table: string; name: string; def: string }>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND c.contype = 'f' AND (t.relname = ANY($1) OR r.relname = ANY($1))
     ORDER BY t.relname, c.conname`,
    [tables],
  );
  const keys = await client.query<{ table: string; name: string; def: string; size: string }>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def, 0 AS size
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND c.contype IN ('p', 'u') AND t.relname = ANY($1)
     ORDER BY t.relname, c.conname`,
    [tables],
  );
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `SELECT t.relname AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
     ORDER BY t.relname, ic.relname`,
    [tables],
  );
  await client.query("BEGIN");
  try {
    for (const f of foreign.rows) await client.query(`ALTER TABLE ${quote(f.table)} DROP CONSTRAINT ${quote(f.name)}`);
    for (const k of keys.rows) await client.query(`ALTER TABLE ${quote(k.table)} DROP CONSTRAINT ${quote(k.name)}`);
    for (const i of indexes.rows) await client.query(`DROP INDEX ${quote(i.name)}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return {
    builds: [
      ...keys.rows.map((k) => ({ table: k.table, sql: `ALTER TABLE ${quote(k.table)} ADD CONSTRAINT ${quote(k.name)} ${k.def}` })),
      ...indexes.rows.map((i) => ({ table: i.table, sql: i.def })),
    ],
    foreignKeys: foreign.rows.map((f) => `ALTER TABLE ${quote(f.table)} ADD CONSTRAINT ${quote(f.name)} ${f.def}`),
  };
}

/**
 * Builds the indexes and keys again on `connections` sessions at once (the
 * largest tables first, so the work evens out), then adds the foreign keys,
 * which PostgreSQL checks against every loaded row.
 */
export async function restoreIndexes(url: string, setAside: SetAside, rowsOf: (table: string) => number, connections = 2): Promise<void> {
  const queue = [...setAside.builds].sort((a, b) => rowsOf(b.table) - rowsOf(a.table));
  const worker = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      for (let next = queue.shift(); next; next = queue.shift()) {
        const t0 = performance.now();
        await client.query(next.sql);
        if (process.env.SCALE_DEBUG) console.error(`  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${next.sql}`);
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of setAside.foreignKeys) {
      const t0 = performance.now();
      await client.query(sql);
      if (process.env.SCALE_DEBUG) console.error(`  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${sql}`);
    }
  } finally {
    await client.end();
  }
}
