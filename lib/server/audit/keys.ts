import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The keys of the audit trail (decision 024). The mac key is the portal's: it marks
 * every event the portal writes, and the database never sees it. The checkpoint
 * keys are the operator's: the private one signs checkpoints and never reaches the
 * portal; the public one lets `audit:verify` check them.
 */

export const MIN_MAC_KEY_LENGTH = 32;

/** AUDIT_MAC_KEY as bytes. Without it nothing is written to the trail: fail closed. */
export function auditMacKey(): Buffer {
  const key = process.env.AUDIT_MAC_KEY;
  if (!key || key.length < MIN_MAC_KEY_LENGTH) {
    throw new Error(`AUDIT_MAC_KEY is not set or shorter than ${MIN_MAC_KEY_LENGTH} characters; the audit trail cannot be written or checked.`);
  }
  return Buffer.from(key, "utf8");
}

/** A PEM key given in the variable itself, or the path of a file that holds it. */
function pem(name: string): string | null {
  const value = process.env[name]?.trim();
  if (!value) return null;
  return value.includes("-----BEGIN") ? value.replace(/\\n/g, "\n") : readFileSync(value, "utf8");
}

/** AUDIT_CHECKPOINT_PRIVATE_KEY, held only by the operator's checkpoint job. */
export function checkpointPrivateKey(): KeyObject {
  const text = pem("AUDIT_CHECKPOINT_PRIVATE_KEY");
  if (!text) throw new Error("AUDIT_CHECKPOINT_PRIVATE_KEY is not set; `npm run audit:checkpoint -- --new-key` makes a key pair.");
  return createPrivateKey(text);
}

/** AUDIT_CHECKPOINT_PUBLIC_KEY, or null when it is not set. */
export function checkpointPublicKey(): KeyObject | null {
  const text = pem("AUDIT_CHECKPOINT_PUBLIC_KEY");
  return text ? createPublicKey(text) : null;
}

/** A new Ed25519 key pair for signing checkpoints, as PEM. */
export function newCheckpointKeyPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync("ed25519");
  return {
    privateKey: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}
