import { afterAll, inject } from "vitest";
import { disconnectOwner } from "./owner-db";
import { appDatabaseUrl, createDatabase, databaseUrl, dropDatabase, TEST_AUDIT_MAC_KEY, uniqueDatabaseName } from "./postgres";

/**
 * Runs before each integration test file: the file gets a fresh database,
 * copied from the migrated template, and drops it when done.
 */
const name = uniqueDatabaseName("doorbraak_it");
await createDatabase(name, inject("templateDatabase"));
// The services connect as the portal does (row-level security applies); the tests' own checks as the owner.
process.env.DATABASE_URL = appDatabaseUrl(name);
process.env.DATABASE_OWNER_URL = databaseUrl(name);
process.env.TEST_DATABASE_OWNER_URL = databaseUrl(name);
// The portal's mark on audit events (decision 024); commands the tests start inherit it.
process.env.AUDIT_MAC_KEY ??= TEST_AUDIT_MAC_KEY;
delete (globalThis as { doorbraakPrisma?: unknown }).doorbraakPrisma;

afterAll(async () => {
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  await disconnectOwner();
  await dropDatabase(name);
});
