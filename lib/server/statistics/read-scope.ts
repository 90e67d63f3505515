import "server-only";
import { asSystem, enterScope, inScope, type TransactionOptions } from "@/lib/db/acting";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { systemScope, type DatabaseScope } from "@/lib/domain/database-scope";

const nothing = { gemeenten: [], regions: [], party: false, national: false };

/**
 * The scope of the services that aggregate figures: every row of CaseStatistic, and
 * no case, party, document or audit event (decision 026). Only this module makes it.
 */
const statisticsScope: DatabaseScope = { system: false, userId: null, read: nothing, change: nothing, statistics: true };

/**
 * A transaction that reads the anonymous facts of every case, for a service that
 * aggregates them and decides itself which level (gemeente, region, country) a person
 * may see and which counts are too small to show. Whatever reads through here must
 * check the person's right to the figures first and hand on only aggregates.
 */
export function asStatisticsReader<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return inScope(statisticsScope, fn, options);
}

/** The same on another connection than the portal's own, for the seeds that load a database of their own. */
export function asStatisticsReaderOn<T>(db: PrismaClient, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return db.$transaction(async (tx) => {
    await enterScope(tx, statisticsScope);
    return fn(tx);
  }, options);
}

/** The two transactions of the statistics jobs: reading the facts, and writing what they make of them. */
export type StatisticsConnection = {
  reader: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  system: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
};

/** On the portal's own connection, or on another one (the scale seed loads a database of its own). */
export function statisticsConnection(db: PrismaClient | undefined, options: TransactionOptions): StatisticsConnection {
  if (!db) return { reader: (fn) => asStatisticsReader(fn, options), system: (fn) => asSystem(fn, options) };
  return {
    reader: (fn) => asStatisticsReaderOn(db, fn, options),
    system: (fn) =>
      db.$transaction(async (tx) => {
        await enterScope(tx, systemScope);
        return fn(tx);
      }, options),
  };
}
