import "server-only";
import { enterScope, inScope, type TransactionOptions } from "@/lib/db/acting";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { DatabaseScope } from "@/lib/domain/database-scope";

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
