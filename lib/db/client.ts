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

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (url) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
  }
  return new PrismaClient({ adapter: new PrismaPGlite(new PGlite(pgliteDataDir)) });
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
