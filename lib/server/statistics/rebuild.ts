import "server-only";
import { enterScope } from "@/lib/db/acting";
import { prisma } from "@/lib/db/client";
import { systemScope } from "@/lib/domain/database-scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshCaseStatistics } from "./case-statistic";

export type RebuildResult = { cases: number; batches: number; seconds: number };

/**
 * Refreshes the statistic of every case whose content is still there, in batches of
 * `batchSize` cases, each in a transaction of its own in the system's scope: after a
 * change to how the facts are computed, for a database from before statistics were
 * kept, and at the end of the seeds. The cases of a batch are locked while their
 * facts are computed, so that a change made at the same moment waits for it. Purged
 * cases keep the facts they had.
 */
export async function rebuildCaseStatistics({
  db = prisma,
  batchSize = 500,
  onBatch,
}: { db?: PrismaClient; batchSize?: number; onBatch?: (done: number) => void } = {}): Promise<RebuildResult> {
  const started = performance.now();
  let after = "";
  let cases = 0;
  let batches = 0;
  for (;;) {
    const ids = await db.$transaction(
      async (tx) => {
        await enterScope(tx, systemScope);
        const batch = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Case" WHERE id > ${after} AND "purgedAt" IS NULL ORDER BY id LIMIT ${batchSize} FOR UPDATE`;
        const found = batch.map((c) => c.id);
        await refreshCaseStatistics(tx, found);
        return found;
      },
      { timeout: 120_000 },
    );
    if (ids.length === 0) break;
    cases += ids.length;
    batches += 1;
    onBatch?.(cases);
    if (ids.length < batchSize) break;
    after = ids.at(-1)!;
  }
  return { cases, batches, seconds: (performance.now() - started) / 1000 };
}
