import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * A session is only ever upgraded (second factor passed) or renewed (after one's own
 * membership changed) by signing in again with a grant: a short-lived statement, signed
 * with a key derived from AUTH_SECRET, that the server made right after it checked what
 * the grant says. The grant never leaves the server: a server action makes it and hands
 * it straight to Auth.js. Because the sign-in endpoint is public, anything it accepts
 * must be unforgeable; a grant also names the session version it was made for, so it
 * dies with the sessions it would renew (decision 017).
 */
export type SessionGrant = { userId: string; sessionVersion: number; secondFactor: boolean };

const validSeconds = 60;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; sessions cannot be granted.");
  return Buffer.from(hkdfSync("sha256", secret, "doorbraak", "session-grant v1", 32));
}

function sign(payload: string): string {
  return createHmac("sha256", key()).update(payload).digest("base64url");
}

export function issueSessionGrant(grant: SessionGrant, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, exp: Math.floor(now / 1000) + validSeconds })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function readSessionGrant(token: unknown, now = Date.now()): SessionGrant | null {
  if (typeof token !== "string") return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof data.exp !== "number" || data.exp < Math.floor(now / 1000)) return null;
    if (typeof data.userId !== "string" || typeof data.sessionVersion !== "number" || typeof data.secondFactor !== "boolean") return null;
    return { userId: data.userId, sessionVersion: data.sessionVersion, secondFactor: data.secondFactor };
  } catch {
    return null;
  }
}
