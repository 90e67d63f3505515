import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recoveryCodeCount, recoveryCodeFrom, recoveryCodeLength } from "@/lib/domain/sign-in";

/** Recovery codes carry 80 random bits, so a plain SHA-256 keeps them safe at rest; no slow hash is needed. */
export function hashRecoveryCode(normalised: string): string {
  return createHash("sha256").update(normalised).digest("hex");
}

/** Fresh codes as shown to the person (groups of four), with the hash of each as stored. */
export function newRecoveryCodes(): { shown: string[]; hashes: string[] } {
  const shown = Array.from({ length: recoveryCodeCount }, () => recoveryCodeFrom(randomBytes(recoveryCodeLength)));
  return { shown, hashes: shown.map((code) => hashRecoveryCode(code.replaceAll("-", ""))) };
}
