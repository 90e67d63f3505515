import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { normaliseEmail } from "@/lib/domain/invitations";
import { signInLimits } from "@/lib/domain/sign-in";

/** Who is trying to sign in: the account as typed, and the address the request came from. */
export type SignInAttempt = { email: string; ip: string | null };

/** An attempt that was let through; it must be settled with one of the outcomes below. */
export type AttemptTicket = { accountKey: string; ipKey: string | null; accountFailures: number };

export type SignInLimiter = {
  /** Counts one attempt before anything is checked; null when the account or the address is locked. */
  begin(attempt: SignInAttempt): Promise<AttemptTicket | null>;
  /** A wrong password or code: it stays counted, and the last allowed one locks the account. */
  failed(ticket: AttemptTicket): Promise<void>;
  /** The password was right, the second factor is still to come: this attempt is given back, earlier failures stay. */
  firstFactorPassed(ticket: AttemptTicket): Promise<void>;
  /** Signed in completely: the account's failures are forgotten. */
  succeeded(ticket: AttemptTicket): Promise<void>;
  /** The account's counter as the store has it (for tests and support): failures so far and how long a lock lasts. */
  inspectAccount(email: string): Promise<{ failures: number; lockedForMs: number }>;
};

/** Keys are hashes: the counters table never holds e-mail or IP addresses. */
export function keyOf(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function accountKey(email: string): string {
  return keyOf(`account:${normaliseEmail(email)}`);
}

function ipKey(ip: string | null): string | null {
  // Without an address there is nothing to count by; the account's counter still holds.
  return ip ? keyOf(`ip:${ip}`) : null;
}

type Limiters = { account: RateLimiterAbstract; ip: RateLimiterAbstract };

const { account: accountLimits, ip: ipLimits } = signInLimits;

const accountOptions = {
  keyPrefix: "signin-account",
  points: accountLimits.maxFailures,
  duration: accountLimits.windowSeconds,
  // A backstop: failures settled out of order may reach the limit without the explicit lock below.
  blockDuration: accountLimits.lockSeconds,
};
const ipOptions = {
  keyPrefix: "signin-ip",
  points: ipLimits.maxFailures,
  duration: ipLimits.windowSeconds,
  blockDuration: ipLimits.lockSeconds,
};

/** A refusal by the limiter comes as a RateLimiterRes; anything else (the database is down) is an error. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) return null;
    throw error;
  }
}

function limiterOver({ account, ip }: Limiters): SignInLimiter {
  return {
    async begin(attempt) {
      const aKey = accountKey(attempt.email);
      const counted = await take(account, aKey);
      if (!counted) return null;
      const iKey = ipKey(attempt.ip);
      if (iKey && !(await take(ip, iKey))) {
        // Refused for the address: nothing was checked, so the account's count is given back.
        await account.reward(aKey, 1);
        return null;
      }
      return { accountKey: aKey, ipKey: iKey, accountFailures: counted.consumedPoints };
    },
    async failed(ticket) {
      if (ticket.accountFailures >= accountLimits.maxFailures) await account.block(ticket.accountKey, accountLimits.lockSeconds);
    },
    async firstFactorPassed(ticket) {
      await account.reward(ticket.accountKey, 1);
      if (ticket.ipKey) await ip.reward(ticket.ipKey, 1);
    },
    async succeeded(ticket) {
      await account.delete(ticket.accountKey);
      if (ticket.ipKey) await ip.reward(ticket.ipKey, 1);
    },
    async inspectAccount(email) {
      const res = await account.get(accountKey(email));
      if (!res) return { failures: 0, lockedForMs: 0 };
      const locked = res.consumedPoints > accountLimits.maxFailures;
      return { failures: Math.min(res.consumedPoints, accountLimits.maxFailures), lockedForMs: locked ? res.msBeforeNext : 0 };
    },
  };
}

/**
 * Counters in PostgreSQL, in the "RateLimit" table that a migration made, so that every
 * app instance sees the same counts and the app needs no right to create tables.
 */
export function postgresSignInLimiter(pool: pg.Pool): SignInLimiter {
  const store = { storeClient: pool, storeType: "pool", tableName: "RateLimit", tableCreated: true };
  return limiterOver({
    account: new RateLimiterPostgres({ ...store, ...accountOptions }),
    ip: new RateLimiterPostgres({ ...store, ...ipOptions }),
  });
}

/**
 * Counters in this process only. Used for the demo on the embedded database (PGlite):
 * node-postgres cannot reach PGlite, and PGlite allows a single process anyway, so there
 * is only ever one instance whose counts could be shared. Never for a real deployment:
 * that has DATABASE_URL.
 */
export function memorySignInLimiter(): SignInLimiter {
  return limiterOver({ account: new RateLimiterMemory(accountOptions), ip: new RateLimiterMemory(ipOptions) });
}

const globalForLimiter = globalThis as unknown as { doorbraakSignInLimiter?: SignInLimiter; doorbraakRateLimitPool?: pg.Pool };

/**
 * The pool the counters of this process use (sign-in and sign-up share it), or null
 * without DATABASE_URL: then each limiter counts in memory (the demo on PGlite).
 */
export function rateLimitPool(): pg.Pool | null {
  if (!process.env.DATABASE_URL) return null;
  if (!globalForLimiter.doorbraakRateLimitPool) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    // An idle connection the server ends (a restart) must not end the process: the pool makes a new one.
    pool.on("error", (error) => console.error("[rate-limit pool]", error.message));
    globalForLimiter.doorbraakRateLimitPool = pool;
  }
  return globalForLimiter.doorbraakRateLimitPool;
}

/** The limiter of this process, made on first use (not on import, like the Prisma client). */
export function signInLimiter(): SignInLimiter {
  const pool = rateLimitPool();
  globalForLimiter.doorbraakSignInLimiter ??= pool ? postgresSignInLimiter(pool) : memorySignInLimiter();
  return globalForLimiter.doorbraakSignInLimiter;
}
