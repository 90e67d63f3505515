/**
 * `npm run audit:verify`: recomputes every audit chain in the database (the
 * embedded demo database, or DATABASE_URL) and reports the first broken link
 * of each chain. Exits 0 when every chain is whole, 1 when any is broken, 2 on
 * an error. `npm run audit:verify -- --case DB-2026-000012` checks one case.
 */
import { parseArgs } from "node:util";
import type { ChainBreak } from "@/lib/domain/audit-chain";
import { actorOfChain, chainFor } from "@/lib/domain/audit";
import { runCommand } from "./run-command";
import { asSystem } from "@/lib/db/acting";
import { verifyAuditChains } from "@/lib/server/audit/verify-chains";

const explanations: Record<ChainBreak["kind"], (b: ChainBreak) => string> = {
  altered: (b) => `event ${b.seq} was changed: its fields no longer give its stored hash`,
  removed: (b) => `events before event ${b.seq} are missing`,
  relinked: (b) => `event ${b.seq} does not point at the event before it: an event was inserted or replaced`,
  head: (b) => (b.seq === 0 ? "all events are missing" : `the chain ends at event ${b.seq}, not at its recorded last event`),
};

function describe(b: ChainBreak): string {
  const actorId = actorOfChain(b.chain);
  const what =
    b.chain === "global"
      ? "events outside cases"
      : actorId
        ? `events outside cases of user ${actorId}`
        : `case ${b.caseNumber ?? "(number unknown)"} (${b.chain})`;
  return `BROKEN  ${what}: ${explanations[b.kind](b)}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { case: { type: "string" } } });
  let chain: string | undefined;
  if (values.case) {
    const found = await asSystem((tx) => tx.case.findUnique({ where: { number: values.case }, select: { id: true } }));
    if (!found) {
      console.error(`No case with number ${values.case}.`);
      return 2;
    }
    chain = chainFor(found.id);
  }
  const started = performance.now();
  // One snapshot of the whole trail, read as the portal itself (row-level security, decision 016).
  const report = await asSystem((tx) => verifyAuditChains({ chain, db: tx }), {
    isolationLevel: "RepeatableRead",
    timeout: 60 * 60_000,
    maxWait: 60_000,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const b of report.broken) console.log(describe(b));
  const summary = `${report.chains} chain(s), ${report.events} event(s) checked in ${seconds} s`;
  if (report.broken.length === 0) {
    console.log(`OK      ${summary}: every chain is whole.`);
    return 0;
  }
  console.log(`FAILED  ${summary}: ${report.broken.length} chain(s) broken.`);
  return 1;
}

runCommand(main);
