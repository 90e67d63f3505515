import { PrismaPg } from "@prisma/adapter-pg";
import { lazyClient } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The tests' own connection, as the owner of the tables: fixtures are made and
 * results checked with it, past row-level security. The services under test
 * use the portal's client (lib/db/client), which connects as doorbraak_app.
 */
const state = globalThis as unknown as { doorbraakOwnerPrisma?: PrismaClient };

function client(): PrismaClient {
  const url = process.env.TEST_DATABASE_OWNER_URL;
  if (!url) throw new Error("TEST_DATABASE_OWNER_URL is set by tests/support/integration-database.ts");
  state.doorbraakOwnerPrisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  return state.doorbraakOwnerPrisma;
}

export const prisma: PrismaClient = lazyClient(client);

export async function disconnectOwner(): Promise<void> {
  await state.doorbraakOwnerPrisma?.$disconnect();
  delete state.doorbraakOwnerPrisma;
}
