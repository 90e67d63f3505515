/**
 * `npm run audit:checkpoint`: checks the whole audit trail and, when it is whole,
 * signs every chain's head as a new checkpoint (decision 024). Run it periodically
 * as the owner (DATABASE_OWNER_URL or DATABASE_URL), from another OS user than the
 * portal's, with AUDIT_CHECKPOINT_PRIVATE_KEY (PEM, or the path of a PEM file) and
 * AUDIT_MAC_KEY. Prints the new checkpoint's hash: keep it outside the database.
 * Exits 0 when signed, 1 when the trail is broken (nothing is signed), 2 on an error.
 * `npm run audit:checkpoint -- --new-key` prints a new Ed25519 key pair instead.
 */
import { createPublicKey } from "node:crypto";
import { parseArgs } from "node:util";
import { runCommand, useOwnerConnection } from "./run-command";
import { prisma } from "@/lib/db/client";
import { writeCheckpoint } from "@/lib/server/audit/checkpoints";
import { checkpointPrivateKey, newCheckpointKeyPair } from "@/lib/server/audit/keys";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "new-key": { type: "boolean" } } });
  if (values["new-key"]) {
    const pair = newCheckpointKeyPair();
    console.log("AUDIT_CHECKPOINT_PRIVATE_KEY (only for the checkpoint job, never for the portal):");
    console.log(pair.privateKey);
    console.log("AUDIT_CHECKPOINT_PUBLIC_KEY (for audit:verify):");
    console.log(pair.publicKey);
    return 0;
  }
  useOwnerConnection();
  const privateKey = checkpointPrivateKey();
  const outcome = await writeCheckpoint(prisma, privateKey, createPublicKey(privateKey));
  if (!outcome.ok) {
    for (const b of outcome.chains) console.log(`BROKEN  ${b.chain} at event ${b.seq}: ${b.kind}${b.caseNumber ? ` (case ${b.caseNumber})` : ""}`);
    for (const p of outcome.checkpoints) console.log(`BROKEN  checkpoint ${p.seq}: ${p.kind}`);
    console.log("FAILED  the trail is broken; no checkpoint signed. Run npm run audit:verify for the details.");
    return 1;
  }
  const { seq, hash, chains } = outcome.checkpoint;
  console.log(`OK      checkpoint ${seq} signs ${chains} chain(s): ${hash}`);
  return 0;
}

runCommand(main);
