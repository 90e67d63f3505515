/**
 * `npm run statistics:rebuild`: computes the anonymous facts of every case again
 * (CaseStatistic, decision 026) from the case's own rows and audit trail, in batches.
 * The portal does this on every change of a case; run this after a change to how the
 * facts are computed, or on a database from before they were kept. Cases whose
 * content the retention job removed keep the facts they had. Safe to run while the
 * portal runs. Uses DATABASE_URL (the portal's role suffices), or the demo's
 * embedded database. `-- --batch-size N` sets the cases per transaction (default 500).
 */
import { parseArgs } from "node:util";
import { rebuildCaseStatistics } from "@/lib/server/statistics/rebuild";
import { runCommand } from "./run-command";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "batch-size": { type: "string" } } });
  const batchSize = Number(values["batch-size"] ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error("--batch-size must be a whole number of 1 or more");
    return 1;
  }
  let shown = 0;
  const result = await rebuildCaseStatistics({
    batchSize,
    onBatch: (done) => {
      if (done - shown >= 10_000) {
        console.log(`  ${done.toLocaleString("en")} cases`);
        shown = done;
      }
    },
  });
  console.log(`OK      refreshed the statistics of ${result.cases.toLocaleString("en")} case(s) in ${result.seconds.toFixed(1)} s`);
  return 0;
}

runCommand(main);
