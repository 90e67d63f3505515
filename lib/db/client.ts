import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of the process. With DATABASE_URL it talks to that
 * PostgreSQL server; without it, to the embedded PGlite database of the demo
 * in `.data/pglite` (single-process: only one server may open it).
 */
export const pgliteDataDir = path.join(process.cwd(), ".data", "pglite");

/** The portal's database role, which the migrations create (decision 016). */
export const appRole = "doorbraak_app";

/**
 * Opens the embedded database in `dataDir`. As the portal, it acts as
 * doorbraak_app, so that row-level security applies as on PostgreSQL
 * (decision 016): PGlite is one connection, so a session-level SET ROLE holds
 * for every query that follows. The session itself stays PGlite's superuser,
 * which is what migrations and the seed use ("owner"). A database without the
 * role (never migrated) is refused rather than used as the superuser.
 */
export async function openEmbedded(dataDir: string, as: "portal" | "owner" = "portal"): Promise<PGlite> {
  const db = await PGlite.create(dataDir);
  if (as === "owner") return db;
  try {
    await db.exec(`SET ROLE ${appRole}`);
  } catch (error) {
    await db.close();
    throw new Error(`The embedded database in ${dataDir} has no role ${appRole}: migrate it first (npm run db:migrate).`, { cause: error });
  }
  return db;
}

/**
 * A Prisma client over an embedded database that is still opening: its first
 * query waits for it, and every query fails when it could not be opened.
 */
export function embeddedClient(db: Promise<PGlite>): PrismaClient {
  // Seen by the first query; without this, a failed open would also be an unhandled rejection.
  db.catch(() => {});
  return new PrismaClient({
    adapter: {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: async () => new PrismaPGlite(await db).connect(),
    },
  });
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (url) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
  }
  // The demo's seed runs as the owner, as it does on a server (scripts/demo.ts).
  return embeddedClient(openEmbedded(pgliteDataDir, process.env.EMBEDDED_DATABASE_AS_OWNER === "1" ? "owner" : "portal"));
}

const globalForPrisma = globalThis as unknown as { doorbraakPrisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.doorbraakPrisma ??= createClient();
  return globalForPrisma.doorbraakPrisma;
}

/** A client that is made by `client` on first use and looked up again on every use. */
export function lazyClient(client: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const real = client();
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}

/**
 * Created on first use, not on import: `next build` imports server modules in
 * several workers, and none of them may open the embedded database.
 */
export const prisma: PrismaClient = lazyClient(client);

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
