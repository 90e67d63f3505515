import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts the TOTP secrets at rest (AES-256-GCM), with a key derived from AUTH_SECRET.
 * A copy of the database alone (a backup, a leaked dump, a read-only role) then gives no
 * one the codes of staff members. Changing AUTH_SECRET makes the stored secrets unreadable:
 * staff then set up their app again (decision 017).
 */
const version = "v1";

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; second-factor secrets cannot be stored or read.");
  return Buffer.from(hkdfSync("sha256", secret, "doorbraak", "totp-secret v1", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${version}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

/** The secret, or null when it was sealed with another AUTH_SECRET or was altered. */
export function openSecret(stored: string): string | null {
  const [prefix, body] = stored.split(":", 2);
  if (prefix !== version || !body) return null;
  const bytes = Buffer.from(body, "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
