/**
 * `npm run audit:verify`: recomputes every audit chain in the database (the
 * embedded demo database, or DATABASE_OWNER_URL / DATABASE_URL) and reports the
 * first broken link of each: changed, removed or inserted events, events without
 * the portal's mac, and rewrites that a signed checkpoint already covered
 * (decision 024). Exits 0 when every chain and checkpoint is whole, 1 when any is
 * broken, 2 on an error. `npm run audit:verify -- --case DB-2026-000012` checks one case;
 * `-- --checkpoint <hash>` also requires the checkpoint whose hash the operator kept
 * outside the database to be there, which shows newer checkpoints being removed.
 */
import { parseArgs } from "node:util";
import type { CheckpointProblem } from "@/lib/domain/audit-checkpoint";
import type { ChainBreak } from "@/lib/domain/audit-chain";
import { actorOfChain, chainFor } from "@/lib/domain/audit";
import { runCommand, useOwnerConnection } from "./run-command";
import { asSystem } from "@/lib/db/acting";
import { prisma } from "@/lib/db/client";
import { verifyCheckpoints, type CheckpointReport } from "@/lib/server/audit/checkpoints";
import { checkpointPublicKey } from "@/lib/server/audit/keys";
import { verifyAuditChains } from "@/lib/server/audit/verify-chains";

const explanations: Record<ChainBreak["kind"], (b: ChainBreak) => string> = {
  altered: (b) => `event ${b.seq} was changed: its fields no longer give its stored hash`,
  removed: (b) => `events before event ${b.seq} are missing`,
  relinked: (b) => `event ${b.seq} does not point at the event before it: an event was inserted or replaced`,
  head: (b) => (b.seq === 0 ? "all events are missing" : `the chain ends at event ${b.seq}, not at its recorded last event`),
  forged: (b) => `event ${b.seq} does not carry the portal's mac: it was added or re-hashed outside the portal`,
  checkpoint: (b) =>
    b.seq === 0
      ? "the signed checkpoint holds events that are all missing now"
      : `the chain differs from the signed checkpoint at event ${b.seq}: it was rewritten or cut short after it was signed`,
};

const problems: Record<CheckpointProblem["kind"], string> = {
  signature: "its signature is not the checkpoint key's: it was forged or changed",
  hash: "its stored hash is not the hash of its contents",
  link: "it does not follow the checkpoint before it: a checkpoint was removed, inserted or replaced",
  shrunk: "a chain it covers is shorter or different than in the checkpoint before",
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
  useOwnerConnection();
  const { values } = parseArgs({ options: { case: { type: "string" }, checkpoint: { type: "string" } } });
  let chain: string | undefined;
  if (values.case) {
    const found = await asSystem((tx) => tx.case.findUnique({ where: { number: values.case }, select: { id: true } }));
    if (!found) {
      console.error(`No case with number ${values.case}.`);
      return 2;
    }
    chain = chainFor(found.id);
  }
  const publicKey = checkpointPublicKey();
  if (!publicKey) {
    const count = await prisma.auditCheckpoint.count();
    if (count > 0) {
      console.log(`FAILED  ${count} signed checkpoint(s) cannot be checked: set AUDIT_CHECKPOINT_PUBLIC_KEY.`);
      return 1;
    }
  }
  const started = performance.now();
  // One snapshot of the whole trail and its checkpoints, read as the owner (decisions 016 and 024).
  const { report, checkpoints, keptIsThere } = await asSystem(
    async (tx) => {
      const checkpoints: CheckpointReport = publicKey
        ? await verifyCheckpoints(tx, publicKey)
        : { count: 0, latest: null, problems: [], signed: new Map() };
      const report = await verifyAuditChains({ chain, db: tx, signed: checkpoints.signed });
      const keptIsThere = values.checkpoint ? (await tx.auditCheckpoint.count({ where: { hash: values.checkpoint } })) === 1 : true;
      return { report, checkpoints, keptIsThere };
    },
    { isolationLevel: "RepeatableRead", timeout: 60 * 60_000, maxWait: 60_000 },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const b of report.broken) console.log(describe(b));
  for (const p of checkpoints.problems) console.log(`BROKEN  checkpoint ${p.seq}: ${problems[p.kind]}${p.chain ? ` (${p.chain})` : ""}`);
  // Checkpoints are linked, so the kept one being there, with every link whole, means none after it was replaced.
  if (!keptIsThere) console.log(`BROKEN  checkpoint ${values.checkpoint} is not in the database: checkpoints were removed or replaced`);
  if (checkpoints.latest) {
    // The operator compares this with the hash kept outside the database: removing the newest checkpoints shows only so.
    console.log(`CHECKPOINT ${checkpoints.latest.seq} of ${checkpoints.latest.createdAt}: ${checkpoints.latest.hash}`);
  } else {
    console.log("NOTE    no signed checkpoint yet: a rewrite by someone with the portal's mac key would not show (npm run audit:checkpoint).");
  }
  const summary = `${report.chains} chain(s), ${report.events} event(s), ${checkpoints.count} checkpoint(s) checked in ${seconds} s`;
  if (report.broken.length === 0 && checkpoints.problems.length === 0 && keptIsThere) {
    console.log(`OK      ${summary}: every chain is whole.`);
    return 0;
  }
  console.log(`FAILED  ${summary}: ${report.broken.length} chain(s) broken, ${checkpoints.problems.length} checkpoint problem(s).`);
  return 1;
}

runCommand(main);
