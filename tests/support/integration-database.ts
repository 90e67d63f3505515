import { afterAll, inject } from "vitest";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./postgres";

/**
 * Runs before each integration test file: the file gets a fresh database,
 * copied from the migrated template, and drops it when done.
 */
const name = uniqueDatabaseName("doorbraak_it");
await createDatabase(name, inject("templateDatabase"));
process.env.DATABASE_URL = databaseUrl(name);
delete (globalThis as { doorbraakPrisma?: unknown }).doorbraakPrisma;

afterAll(async () => {
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  await dropDatabase(name);
});
