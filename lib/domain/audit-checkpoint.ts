import { createHash, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./audit";

/**
 * Signed checkpoints of the audit trail (decision 024), as certificate transparency
 * signs its tree heads: every chain's head at one moment, the hash of the checkpoint
 * before, and an Ed25519 signature with a key the portal never holds. Once a
 * checkpoint covers an event, rewriting it shows, even to someone who holds the
 * portal's mac key and re-hashes every event after it. Pure: the caller reads and
 * stores the checkpoints.
 */

/** One chain as a checkpoint signs it; `legacySeq` is its last event without a mac. */
export type CheckpointHead = { chain: string; seq: number; hash: string; legacySeq: number };

export type CheckpointBody = {
  seq: number;
  /** ISO 8601, UTC */
  createdAt: string;
  /** In order of chain */
  heads: CheckpointHead[];
  prevHash: string | null;
};

export type StoredCheckpoint = CheckpointBody & { hash: string; signature: string };

/** The text the signature and the hash are taken over. */
export function canonicalCheckpoint(body: CheckpointBody): string {
  return canonicalJson({ seq: body.seq, createdAt: body.createdAt, heads: body.heads, prevHash: body.prevHash });
}

export function checkpointHash(body: CheckpointBody): string {
  return createHash("sha256").update(canonicalCheckpoint(body)).digest("hex");
}

/** A new checkpoint after `previous` (null for the first), signed with the operator's private key. */
export function signCheckpoint(
  heads: CheckpointHead[],
  previous: Pick<StoredCheckpoint, "seq" | "hash"> | null,
  createdAt: Date,
  privateKey: KeyObject,
): StoredCheckpoint {
  const sorted = [...heads].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
  const body: CheckpointBody = { seq: (previous?.seq ?? 0) + 1, createdAt: createdAt.toISOString(), heads: sorted, prevHash: previous?.hash ?? null };
  const signature = sign(null, Buffer.from(canonicalCheckpoint(body)), privateKey).toString("base64");
  return { ...body, hash: checkpointHash(body), signature };
}

export type CheckpointProblemKind =
  /** The signature is not the operator key's: the checkpoint was forged or changed */
  | "signature"
  /** The stored hash is not the hash of its contents */
  | "hash"
  /** It does not follow the checkpoint before it: one was removed, inserted or replaced */
  | "link"
  /** A chain it covers is shorter, different or gone compared with the checkpoint before */
  | "shrunk";

export type CheckpointProblem = { seq: number; kind: CheckpointProblemKind; chain?: string };

function validSignature(checkpoint: StoredCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalCheckpoint(checkpoint)), publicKey, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    return false;
  }
}

/**
 * Checks one checkpoint against the one before it (null for the first): its signature,
 * its hash, its link, and that every chain the earlier one covered is still covered,
 * at the same or a later event, with the same legacy part. Checkpoints are read one
 * after the other, so only two are in memory at a time.
 */
export function checkpointProblems(checkpoint: StoredCheckpoint, previous: StoredCheckpoint | null, publicKey: KeyObject): CheckpointProblem[] {
  const problems: CheckpointProblem[] = [];
  const { seq } = checkpoint;
  if (!validSignature(checkpoint, publicKey)) problems.push({ seq, kind: "signature" });
  if (checkpointHash(checkpoint) !== checkpoint.hash) problems.push({ seq, kind: "hash" });
  if (seq !== (previous?.seq ?? 0) + 1 || checkpoint.prevHash !== (previous?.hash ?? null)) problems.push({ seq, kind: "link" });
  if (previous) {
    const now = new Map(checkpoint.heads.map((h) => [h.chain, h]));
    for (const before of previous.heads) {
      const after = now.get(before.chain);
      const kept = after && after.seq >= before.seq && after.legacySeq === before.legacySeq && (after.seq > before.seq || after.hash === before.hash);
      if (!kept) {
        problems.push({ seq, kind: "shrunk", chain: before.chain });
        break;
      }
    }
  }
  return problems;
}
