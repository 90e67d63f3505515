/**
 * `npm run statistics:reports`: makes every missing quarterly report (decision 031) at
 * once, instead of a batch per run of the statistics job: one per active gemeente and
 * per jeugdregio with figures, from the published figure sets. Reports that exist are
 * kept as they are. Publishes the figures first, as the job does. Uses DATABASE_URL (the
 * portal's role suffices), or the demo's embedded database.
 * `-- --quarter 2026-K2` (repeatable) chooses the quarters; by default the last one that ended.
 */
import { parseArgs } from "node:util";
import { isQuarterKey, type QuarterKey } from "@/lib/domain/lead-times";
import { lastCompletedQuarter } from "@/lib/domain/quarterly-report";
import { makeQuarterlyReports } from "@/lib/server/statistics/make-quarterly-reports";
import { publishFigures } from "@/lib/server/statistics/publish-figures";
import { runCommand } from "./run-command";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { quarter: { type: "string", multiple: true } } });
  const quarters = values.quarter ?? [lastCompletedQuarter(new Date())];
  const wrong = quarters.filter((q) => !isQuarterKey(q));
  if (wrong.length > 0) {
    console.error(`--quarter must look like 2026-K3, got ${wrong.join(", ")}`);
    return 1;
  }
  await publishFigures();
  let failed = 0;
  for (const quarter of quarters as QuarterKey[]) {
    const result = await makeQuarterlyReports({ quarter, limit: Number.POSITIVE_INFINITY });
    failed += result.failed;
    console.log(`${result.failed ? "FAILED" : "OK    "}  ${quarter}: made ${result.made} report(s) in ${result.seconds.toFixed(1)} s${result.failed ? `, ${result.failed} failed` : ""}`);
  }
  return failed > 0 ? 1 : 0;
}

runCommand(main);
